package io.skiff.sql.partiql;

import static org.assertj.core.api.Assertions.assertThat;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.value.AttributeValue;
import io.skiff.core.value.Item;
import io.skiff.core.value.NumberValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB's paging: {@code Limit} caps the items a page evaluates (not those it returns), a page
 * also ends after 1 MB of item data, and {@code NextToken} resumes exactly where the page ended,
 * for queries, multi-partition reads, multi-gets and scans alike.
 */
class PagingTest extends PartiqlFixture {

    @BeforeEach
    void fill() {
        table("Events", "device:S", "seq:N");
        table("Users", "pk:S");
        for (String device : List.of("d1", "d2", "d3")) {
            for (int seq = 1; seq <= 10; seq++) {
                run("INSERT INTO Events VALUE {'device': ?, 'seq': ?, 'kind': ?}", s(device), n(seq),
                        s(seq % 2 == 0 ? "even" : "odd"));
            }
        }
        for (int i = 0; i < 50; i++) {
            run("INSERT INTO Users VALUE {'pk': ?, 'n': ?}", s("u" + i), n(i));
        }
    }

    /** Every page of a statement, each page's items as one list. */
    private List<List<Item>> pages(String statement, Integer limit, AttributeValue... parameters) {
        List<List<Item>> pages = new ArrayList<>();
        ExecuteOptions options = limit == null ? ExecuteOptions.DEFAULT : ExecuteOptions.DEFAULT.withLimit(limit);
        PartiqlStatement prepared = session.prepare(statement);
        while (true) {
            PartiqlResult page = prepared.execute(List.of(parameters), options);
            pages.add(page.items());
            if (page.nextToken().isEmpty()) {
                return pages;
            }
            assertThat(pages).as("pages of %s", statement).hasSizeLessThan(1000);
            options = options.withNextToken(page.nextToken().get());
        }
    }

    private static List<Long> numbers(List<Item> items, String attribute) {
        return items.stream().map(item -> ((NumberValue) item.get(attribute)).value().longValueExact()).toList();
    }

    private static List<Item> all(List<List<Item>> pages) {
        return pages.stream().flatMap(List::stream).toList();
    }

    @Test
    void limitCountsTheItemsEvaluatedNotThoseReturned() {
        List<List<Item>> pages = pages("SELECT seq FROM Events WHERE device = 'd1' AND kind = 'even'", 3);
        assertThat(pages.stream().map(page -> numbers(page, "seq")).toList())
                .containsExactly(List.of(2L), List.of(4L, 6L), List.of(8L), List.of(10L));
        PartiqlResult none = session.execute("SELECT seq FROM Events WHERE device = 'd1' AND kind = 'none'",
                List.of(), ExecuteOptions.DEFAULT.withLimit(3));
        assertThat(none.items()).isEmpty();
        assertThat(none.nextToken()).as("an empty page that stopped early still says where to go on").isPresent();
    }

    @Test
    void aLimitThatEndsExactlyAtTheEndOfThePartitionReturnsNoToken() {
        PartiqlResult page = session.execute("SELECT seq FROM Events WHERE device = 'd2'", List.of(),
                ExecuteOptions.DEFAULT.withLimit(10));
        assertThat(numbers(page.items(), "seq")).hasSize(10);
        assertThat(page.nextToken()).isEmpty();
    }

    @Test
    void descendingPagesContinueDescending() {
        List<List<Item>> pages = pages("SELECT seq FROM Events WHERE device = ? AND seq > 2 ORDER BY seq DESC", 3,
                s("d3"));
        assertThat(pages.stream().map(page -> numbers(page, "seq")).toList())
                .containsExactly(List.of(10L, 9L, 8L), List.of(7L, 6L, 5L), List.of(4L, 3L));
    }

    @Test
    void severalPartitionsArePagedOneAfterAnotherWithinOneLimit() {
        List<List<Item>> pages = pages("SELECT device, seq FROM Events WHERE device IN ['d1', 'd3'] AND seq <= 4", 3);
        assertThat(pages.stream().map(List::size).toList()).containsExactly(3, 3, 2);
        assertThat(all(pages)).hasSize(8).doesNotHaveDuplicates()
                .allSatisfy(item -> assertThat(item.get("device")).isIn(s("d1"), s("d3")));
        assertThat(pages("SELECT device, seq FROM Events WHERE device IN ['d1', 'd3'] AND seq <= 4", 4))
                .as("a limit that ends a partition exactly continues with the next one")
                .extracting(List::size).containsExactly(4, 4);
    }

    @Test
    void aMultiGetIsPagedByKeys() {
        // The planner orders the keys ('nobody' first); each key read counts against the limit.
        List<List<Item>> pages = pages("SELECT n FROM Users WHERE pk IN ['u1', 'u2', 'nobody', 'u3', 'u4']", 2);
        assertThat(pages.stream().map(page -> numbers(page, "n")).toList())
                .containsExactly(List.of(1L), List.of(2L, 3L), List.of(4L));
    }

    @Test
    void aScanIsPagedToTheEndWithEveryItemOnce() {
        List<List<Item>> pages = pages("SELECT n FROM Users", 7);
        assertThat(pages).hasSize(8);
        assertThat(numbers(all(pages), "n")).hasSize(50).doesNotHaveDuplicates();
        List<List<Item>> filtered = pages("SELECT n FROM Users WHERE n < 10", 7);
        assertThat(numbers(all(filtered), "n")).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    }

    @Test
    void withoutALimitAPageEndsAfterOneMegabyteOfItems() {
        String big = "x".repeat(100_000);
        for (int i = 0; i < 25; i++) {
            run("INSERT INTO Events VALUE {'device': 'big', 'seq': ?, 'blob': ?}", n(i), s(big));
        }
        List<List<Item>> pages = pages("SELECT seq FROM Events WHERE device = 'big'", null);
        assertThat(pages.size()).isBetween(3, 4);
        assertThat(pages.get(0).size()).isBetween(10, 11);
        assertThat(numbers(all(pages), "seq")).hasSize(25).isSorted().doesNotHaveDuplicates();
        assertThat(pages("SELECT seq FROM Events WHERE device = 'd1'", null)).hasSize(1);
    }

    @Test
    void aTokenOnlyResumesTheReadItCameFrom() {
        String query = "SELECT seq FROM Events WHERE device = ?";
        String token = session.execute(query, List.of(s("d1")), ExecuteOptions.DEFAULT.withLimit(2)).nextToken()
                .orElseThrow();
        assertThat(failure(ErrorCode.VALIDATION_ERROR, () -> session.execute(query, List.of(s("d2")),
                ExecuteOptions.DEFAULT.withNextToken(token))).getMessage()).contains("another statement");
        assertThat(failure(ErrorCode.VALIDATION_ERROR, () -> session.execute(
                "SELECT kind FROM Events WHERE device = ?", List.of(s("d1")),
                ExecuteOptions.DEFAULT.withNextToken(token))).getMessage()).contains("another statement");
        assertThat(failure(ErrorCode.VALIDATION_ERROR, () -> session.execute(query, List.of(s("d1")),
                ExecuteOptions.DEFAULT.withNextToken("not a token"))).getMessage()).contains("not valid");
        assertThat(failure(ErrorCode.VALIDATION_ERROR, () -> session.execute(query, List.of(s("d1")),
                ExecuteOptions.DEFAULT.withNextToken(token.substring(0, token.length() / 2)))).getMessage())
                .contains("not valid");
        PartiqlResult rest = session.execute(query, List.of(s("d1")), ExecuteOptions.DEFAULT.withNextToken(token));
        assertThat(numbers(rest.items(), "seq")).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(rest.nextToken()).isEmpty();
    }

    @Test
    void consistentReadIsAcceptedAndGivesTheSameItems() {
        PartiqlResult eventual = session.execute("SELECT seq FROM Events WHERE device = 'd1'", List.of(),
                ExecuteOptions.DEFAULT);
        PartiqlResult strong = session.execute("SELECT seq FROM Events WHERE device = 'd1'", List.of(),
                ExecuteOptions.DEFAULT.withConsistentRead(true));
        assertThat(strong).isEqualTo(eventual);
        assertThat(failure(ErrorCode.VALIDATION_ERROR, () -> ExecuteOptions.DEFAULT.withLimit(0)).getMessage())
                .contains("Limit");
        assertThat(Optional.of(strong.items().size())).contains(10);
    }
}
