package io.skiff.sql.partiql;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.value.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code BatchExecuteStatement}: one response per statement, not atomic, reads or writes. */
class BatchTest extends PartiqlFixture {

    @BeforeEach
    void fill() {
        table("Music", "Artist:S", "SongTitle:S");
        run("INSERT INTO Music VALUE {'Artist': 'Acme', 'SongTitle': 'Alpha', 'Year': 2001}");
        run("INSERT INTO Music VALUE {'Artist': 'Acme', 'SongTitle': 'Beta', 'Year': 2005}");
    }

    private static ParameterizedStatement statement(String text, io.skiff.core.value.AttributeValue... parameters) {
        return ParameterizedStatement.of(text, parameters);
    }

    @Test
    void readsAnswerEachStatementWithItsItemOrItsError() {
        List<BatchResponse> responses = session.executeBatch(List.of(
                statement("SELECT Year FROM Music WHERE Artist = ? AND SongTitle = ?", s("Acme"), s("Beta")),
                statement("SELECT * FROM Music WHERE Artist = 'Acme' AND SongTitle = 'Nope'"),
                statement("SELECT * FROM Music WHERE Artist = ? AND SongTitle = 'Alpha'", n(1)),
                statement("SELECT * FROM Music WHERE Artist = 'Acme'"),
                statement("SELECT Year FROM Music WHERE Artist = 'Acme' AND SongTitle = 'Alpha' AND Year > 2000"),
                statement("SELECT * FROM Music WHERE Artist = 'Acme' AND SongTitle = 'Alpha' AND Year > 3000"),
                statement("SELECT * FROM Nope WHERE Artist = 'Acme' AND SongTitle = 'Alpha'"),
                statement("SELEC * FROM Music")));
        assertThat(responses.get(0)).isEqualTo(BatchResponse.success(Optional.of(item("{\"Year\":{\"N\":\"2005\"}}"))));
        assertThat(responses.get(1)).isEqualTo(BatchResponse.success(Optional.empty()));
        assertThat(responses.get(2).error().orElseThrow().code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
        assertThat(responses.get(3).error().orElseThrow().getMessage()).contains("must fix every key attribute");
        assertThat(responses.get(4).item()).contains(item("{\"Year\":{\"N\":\"2001\"}}"));
        assertThat(responses.get(5)).isEqualTo(BatchResponse.success(Optional.empty()));
        assertThat(responses.get(6).error().orElseThrow().code()).isEqualTo(ErrorCode.TABLE_NOT_FOUND);
        assertThat(responses.get(7).error().orElseThrow().code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
    }

    @Test
    void writesRunOneByOneAndAFailureChangesOnlyItsOwnStatement() {
        List<BatchResponse> responses = session.executeBatch(List.of(
                statement("INSERT INTO Music VALUE {'Artist': 'Bolt', 'SongTitle': 'Gamma'}"),
                statement("INSERT INTO Music VALUE {'Artist': 'Acme', 'SongTitle': 'Alpha'}"),
                statement("UPDATE Music SET Year = 2002 WHERE Artist = 'Acme' AND SongTitle = 'Alpha'"),
                statement("UPDATE Music SET Year = 1 WHERE Artist = 'Nobody' AND SongTitle = 'x'"),
                statement("DELETE FROM Music WHERE Artist = 'Acme' AND SongTitle = 'Beta' RETURNING ALL OLD *")));
        assertThat(responses.get(0).succeeded()).isTrue();
        assertThat(responses.get(1).error().orElseThrow().code()).isEqualTo(ErrorCode.DUPLICATE_ITEM);
        assertThat(responses.get(2).succeeded()).isTrue();
        assertThat(responses.get(3).error().orElseThrow().code()).isEqualTo(ErrorCode.CONDITIONAL_CHECK_FAILED);
        assertThat(responses.get(4).item()).contains(
                item("{\"Artist\":{\"S\":\"Acme\"},\"SongTitle\":{\"S\":\"Beta\"},\"Year\":{\"N\":\"2005\"}}"));
        assertThat(json("SELECT SongTitle, Year FROM Music")).containsExactlyInAnyOrder(
                "{\"SongTitle\":{\"S\":\"Alpha\"},\"Year\":{\"N\":\"2002\"}}", "{\"SongTitle\":{\"S\":\"Gamma\"}}");
    }

    @Test
    void aBatchMixingReadsAndWritesOrTooLongIsRefusedWhole() {
        Map<String, List<Item>> before = contents();
        assertThat(failure(ErrorCode.VALIDATION_ERROR, () -> session.executeBatch(List.of(
                statement("INSERT INTO Music VALUE {'Artist': 'Bolt', 'SongTitle': 'Gamma'}"),
                statement("SELECT * FROM Music WHERE Artist = 'Acme' AND SongTitle = 'Alpha'")))).getMessage())
                .contains("not both");
        List<ParameterizedStatement> tooMany = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            tooMany.add(statement("INSERT INTO Music VALUE {'Artist': 'Many', 'SongTitle': ?}", s("t" + i)));
        }
        assertThat(failure(ErrorCode.VALIDATION_ERROR, () -> session.executeBatch(tooMany)).getMessage())
                .contains("1 to 25");
        assertThat(failure(ErrorCode.VALIDATION_ERROR, () -> session.executeBatch(List.of())).getMessage())
                .contains("1 to 25");
        assertThat(contents()).isEqualTo(before);
        assertThat(session.executeBatch(tooMany.subList(0, 25))).allMatch(BatchResponse::succeeded);
        assertThat(run("SELECT * FROM Music WHERE Artist = 'Many'")).hasSize(25);
    }

    @Test
    void existsChecksAreForTransactionsOnly() {
        List<BatchResponse> responses = session.executeBatch(List.of(
                statement("EXISTS(SELECT * FROM Music WHERE Artist = 'Acme' AND SongTitle = 'Alpha')")));
        assertThat(responses.get(0).error().orElseThrow().getMessage()).contains("transaction");
    }
}
