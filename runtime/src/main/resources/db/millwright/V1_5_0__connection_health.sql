-- Connection health: when the source was last checked, when a check last succeeded, what the last failed check
-- said, and when the status last changed (the status itself stays in mw_connection.status).
ALTER TABLE mw_connection ADD COLUMN last_checked_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE mw_connection ADD COLUMN last_success_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE mw_connection ADD COLUMN last_check_error VARCHAR(2000);
ALTER TABLE mw_connection ADD COLUMN status_changed_at TIMESTAMP WITH TIME ZONE;
