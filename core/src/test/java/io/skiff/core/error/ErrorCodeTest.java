package io.skiff.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The codes are a public contract: clients match on names, numbers and SQLStates. */
class ErrorCodeTest {

    @Test
    void namesNumbersAndSqlStatesAreTheDocumentedOnes() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("VALIDATION_ERROR", "1 22023 INVALID_ARGUMENT");
        expected.put("SYNTAX_ERROR", "2 42601 INVALID_ARGUMENT");
        expected.put("TABLE_NOT_FOUND", "3 42S02 NOT_FOUND");
        expected.put("TABLE_ALREADY_EXISTS", "4 42S01 ALREADY_EXISTS");
        expected.put("CONDITIONAL_CHECK_FAILED", "5 23514 FAILED_PRECONDITION");
        expected.put("DUPLICATE_ITEM", "6 23505 ALREADY_EXISTS");
        expected.put("ITEM_TOO_LARGE", "7 54000 INVALID_ARGUMENT");
        expected.put("TRANSACTION_CANCELLED", "8 40002 ABORTED");
        expected.put("WRITE_CONFLICT", "9 40001 ABORTED");
        expected.put("CHECKPOINT_NOT_FOUND", "10 42704 NOT_FOUND");
        expected.put("CHECKPOINT_ALREADY_EXISTS", "11 42710 ALREADY_EXISTS");
        expected.put("QUERY_CANCELLED", "16 57014 CANCELLED");
        expected.put("QUERY_TIMEOUT", "17 HYT00 DEADLINE_EXCEEDED");
        expected.put("DATABASE_IN_USE", "12 55006 FAILED_PRECONDITION");
        expected.put("ENGINE_CLOSED", "13 55000 UNAVAILABLE");
        expected.put("STORAGE_ERROR", "14 58030 INTERNAL");
        expected.put("INTERNAL_ERROR", "15 XX000 INTERNAL");
        expected.put("CLUSTER_UNAVAILABLE", "18 08006 UNAVAILABLE");

        Map<String, String> actual = new LinkedHashMap<>();
        for (ErrorCode code : ErrorCode.values()) {
            actual.put(code.name(), code.number() + " " + code.sqlState() + " " + code.grpcStatus());
        }

        assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void numbersArePositiveAndUnique() {
        List<Integer> numbers = Arrays.stream(ErrorCode.values()).map(ErrorCode::number).toList();

        assertThat(numbers).allMatch(n -> n > 0).doesNotHaveDuplicates();
    }
}
