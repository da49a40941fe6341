package dev.millwright.simulators.prometheusgroup;

import java.util.List;

/** The resources served: Prometheus Group work orders and assets, and the jobs of the second API shape. */
final class Schemas {

    static final String[] WORK_ORDER_STATUSES = {"NEW", "WAITING_APPROVAL", "APPROVED", "READY", "SCHEDULED",
        "IN_PROGRESS", "ON_HOLD", "WAITING_MATERIAL", "COMPLETED", "CLOSED", "CANCELLED"};
    static final String[] ASSET_STATUSES = {"ACTIVE", "NOT_READY", "DOWN", "INACTIVE", "RETIRED"};
    static final String[] CREWS = {"MECH-A", "MECH-B", "ELEC-A", "ELEC-B", "INST-A", "PIPE-A", "CIVIL-A"};
    static final String[] JOB_STATES = {"open", "in_work", "done", "void"};

    static final Schema WORK_ORDERS = new Schema("workorders", Schema.Style.PLANNING, "id", "lastModified",
            "version", "createdAt", "workOrderNumber", List.of(
                    Field.text("workOrderNumber").createOnly().asRequired(),
                    Field.text("site").createOnly().asRequired(),
                    Field.text("hostSystem").createOnly().oneOf("MAXIMO", "SAP"),
                    Field.text("description").asRequired(),
                    Field.text("longDescription"),
                    Field.text("status").oneOf(WORK_ORDER_STATUSES),
                    Field.of("priority", FieldType.INTEGER),
                    Field.text("workType"),
                    Field.text("assetNumber"),
                    Field.text("location"),
                    Field.of("plannedStart", FieldType.DATETIME),
                    Field.of("plannedFinish", FieldType.DATETIME),
                    Field.text("scheduleWeek"),
                    Field.text("crew").oneOf(CREWS),
                    Field.text("planner"),
                    Field.text("assignedTo"),
                    Field.of("estimatedHours", FieldType.DECIMAL),
                    Field.of("actualStart", FieldType.DATETIME),
                    Field.of("actualFinish", FieldType.DATETIME),
                    Field.of("dueDate", FieldType.DATETIME)));

    static final Schema ASSETS = new Schema("assets", Schema.Style.PLANNING, "id", "lastModified", "version", null,
            "assetNumber", List.of(
                    Field.text("assetNumber").createOnly().asRequired(),
                    Field.text("site").createOnly().asRequired(),
                    Field.text("description").asRequired(),
                    Field.text("status").oneOf(ASSET_STATUSES),
                    Field.text("location"),
                    Field.text("parentAssetNumber"),
                    Field.text("serialNumber"),
                    Field.text("manufacturer"),
                    Field.text("model"),
                    Field.of("installDate", FieldType.DATE),
                    Field.text("criticality").oneOf("A", "B", "C")));

    static final Schema JOBS = new Schema("jobs", Schema.Style.JOBS, "job_id", "updated_at", "rev", null, "ref",
            List.of(
                    Field.text("ref").createOnly().asRequired(),
                    Field.text("summary").asRequired(),
                    Field.text("state").oneOf(JOB_STATES),
                    Field.text("equipment_tag"),
                    Field.text("crew_code"),
                    Field.of("due_on", FieldType.DATE)));

    private Schemas() {
    }
}
