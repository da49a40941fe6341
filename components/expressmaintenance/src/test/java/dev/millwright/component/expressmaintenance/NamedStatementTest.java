package dev.millwright.component.expressmaintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.millwright.component.expressmaintenance.profile.NamedStatement;
import dev.millwright.component.expressmaintenance.profile.ProfileDefinitionException;
import dev.millwright.component.expressmaintenance.profile.Where;

/** Named parameters of profile statements become JDBC parameters, and only where SQL has parameters. */
class NamedStatementTest {

    private static final Where WHERE = new Where("classpath:test.yaml", "collections.x.update", 7);

    @Test
    void namedParametersBecomePositionalInOrder() {
        NamedStatement statement = NamedStatement.parse("UPDATE T SET A = :a, B = :b WHERE K = :k AND V = :_version",
                WHERE);

        assertThat(statement.jdbc()).isEqualTo("UPDATE T SET A = ?, B = ? WHERE K = ? AND V = ?");
        assertThat(statement.parameters()).containsExactly("a", "b", "k", "_version");
    }

    @Test
    void literalsQuotedNamesCommentsAndCastsAreLeftAlone() {
        NamedStatement statement = NamedStatement.parse("UPDATE T SET A = ':x', \"B:c\" = :b::integer -- :y\n"
                + " /* :z */ WHERE K = :k", WHERE);

        assertThat(statement.parameters()).containsExactly("b", "k");
        assertThat(statement.jdbc()).contains("':x'").contains("\"B:c\"").contains("?::integer").contains("-- :y");
    }

    @Test
    void positionalParametersAreRefusedNamingTheStatement() {
        assertThatThrownBy(() -> NamedStatement.parse("DELETE FROM T WHERE K = ?", WHERE))
                .isInstanceOf(ProfileDefinitionException.class)
                .hasMessageStartingWith("classpath:test.yaml:7: collections.x.update: positional parameters");
    }

    @Test
    void twoStatementsAreRefused() {
        assertThatThrownBy(() -> NamedStatement.parse("DELETE FROM T WHERE K = :k; DROP TABLE T", WHERE))
                .isInstanceOf(ProfileDefinitionException.class).hasMessageContaining("one statement only");
    }
}
