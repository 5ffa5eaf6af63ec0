package io.skiff.parser.partiql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skiff.core.error.ErrorCode;
import io.skiff.core.error.SkiffException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every rejected statement: the code, the position of the offending construct, and what the message says. */
class StatementErrorTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // functions
            "SELECT * FROM t WHERE foo(a)                     | 1 | 23 | Unknown function 'foo'; PartiQL for DynamoDB has begins_with",
            "SELECT * FROM t WHERE begins_with(a)             | 1 | 23 | begins_with takes 2 arguments but was given 1",
            "SELECT * FROM t WHERE size(a, b) > 1             | 1 | 23 | size takes 1 argument but was given 2",
            "SELECT * FROM t WHERE list_append(a, [1]) = a    | 1 | 23 | list_append can only be used in the value of an UPDATE's SET",
            "SELECT * FROM t WHERE begins_with('x', a)        | 1 | 35 | The first argument of begins_with is an attribute name or document path; found the value 'x'",
            "SELECT * FROM t WHERE attribute_type(a, 'X')     | 1 | 41 | Unknown attribute type 'X'",
            "SELECT * FROM t WHERE attribute_type(a, 1)       | 1 | 41 | The type of attribute_type is a string such as 'S' or 'NS'",
            "UPDATE t SET s = set_add(s, 'z') WHERE pk = 1    | 1 | 29 | set_add needs a set here; found the value 'z'",
            "UPDATE t SET l = list_append(l, 3) WHERE pk = 1  | 1 | 33 | list_append needs a list here",
            "UPDATE t SET l = size(MISSING) WHERE pk = 1      | 1 | 23 | MISSING cannot be an argument of size",
            // conditions and values in the wrong place
            "SELECT * FROM t WHERE a                          | 1 | 23 | WHERE needs a condition such as a = 1 or begins_with(a, 'x'), but the document path a is not one",
            "SELECT * FROM t WHERE a = 1 AND b                | 1 | 33 | AND needs a condition",
            "SELECT * FROM t WHERE a = 1 OR 'x'               | 1 | 32 | OR needs a condition",
            "SELECT * FROM t WHERE NOT size(a)                | 1 | 27 | NOT needs a condition",
            "SELECT * FROM t WHERE (a = 1) = true             | 1 | 24 | Expected a value here, but the condition a = 1 is a condition",
            "SELECT * FROM t WHERE a IN [b = 1]               | 1 | 29 | Expected a value here, but the condition b = 1",
            "UPDATE t SET a = (b = 1) WHERE pk = 1            | 1 | 19 | Expected a value here, but the condition b = 1",
            "UPDATE t SET a = MISSING WHERE pk = 1            | 1 | 18 | MISSING is not a value that can be stored; use REMOVE",
            "UPDATE t SET a = [1, MISSING] WHERE pk = 1       | 1 | 22 | MISSING is not a value and cannot be an element of a list",
            "SELECT size(a) FROM t                            | 1 |  8 | Unsupported SELECT list item: the function call size(a); a SELECT list holds attribute names and document paths only",
            "SELECT 'x' FROM t                                | 1 |  8 | Unsupported SELECT list item: the value 'x'",
            "SELECT * FROM t WHERE a IN []                    | 1 | 28 | IN needs at least one value",
            // INSERT
            "INSERT INTO t VALUE [1]                          | 1 | 21 | INSERT takes one item, written as a struct such as VALUE {'pk': 'a', 'n': 1}; found the value [1]",
            "INSERT INTO t VALUE ?                            | 1 | 21 | INSERT takes one item",
            "INSERT INTO t VALUE {'pk': a}                    | 1 | 28 | An INSERT item holds only constants and parameters; found the document path a",
            "INSERT INTO t VALUE {'pk': 1, 'l': [size(a)]}    | 1 | 37 | An INSERT item holds only constants and parameters; found the function call size(a)",
            "INSERT INTO t VALUE {'pk': 1} RETURNING ALL OLD * | 1 | 31 | INSERT does not support RETURNING",
            // structs and sets
            "INSERT INTO t VALUE {'a': 1, 'b': 2, 'a': 3}     | 1 | 38 | Duplicate attribute 'a' in a struct",
            "INSERT INTO t VALUE {\"a\": 1}                   | 1 | 22 | The attribute names of a struct are 'single-quoted' strings, as in {'name': value}; found the document path a",
            "INSERT INTO t VALUE {'s': <<>>}                  | 1 | 27 | A set may not be empty",
            "INSERT INTO t VALUE {'s': <<1, 'a'>>}            | 1 | 32 | A set's elements must all be strings or all numbers; found the value 'a' in a set of numbers",
            "INSERT INTO t VALUE {'s': <<'a', 'b', 'a'>>}     | 1 | 39 | A set may not contain duplicates; the value 'a' occurs more than once",
            "INSERT INTO t VALUE {'s': <<1, 1.0>>}            | 1 | 32 | A set may not contain duplicates; the value 1 occurs more than once",
            "INSERT INTO t VALUE {'s': <<true>>}              | 1 | 29 | A set holds strings or numbers (binary sets only through parameters); found the value TRUE",
            "INSERT INTO t VALUE {'s': <<[1]>>}               | 1 | 29 | A set holds strings or numbers",
            // numbers and paths
            "INSERT INTO t VALUE {'n': 123456789012345678901234567890123456789} | 1 | 27 | Invalid number 123456789012345678901234567890123456789: Number 123456789012345678901234567890123456789 has 39 significant digits; at most 38 are supported",
            "SELECT * FROM t WHERE a = 1e126                  | 1 | 27 | Number overflow",
            "SELECT * FROM t WHERE a = 1e-131                 | 1 | 27 | Number underflow",
            "SELECT * FROM t WHERE a = 1e1234567890           | 1 | 27 | is not a valid number",
            "SELECT * FROM t WHERE a[1.5] = 1                 | 1 | 25 | A list index is a whole number such as [0]; found [1.5]",
            "SELECT * FROM t WHERE a[99999999999] = 1         | 1 | 25 | The list index [99999999999] is too large",
            "SELECT * FROM \"\"                              | 1 | 15 | A name may not be empty",
            "SELECT * FROM t WHERE a.\"\" = 1                | 1 | 25 | A name may not be empty",
            // UPDATE and DELETE
            "UPDATE t SET a = 1 REMOVE a WHERE pk = 1         | 1 | 27 | Two document paths overlap with each other; must remove or rewrite one of these paths; path one: a, path two: a",
            "UPDATE t SET a.b = 1, a[0] = 2 WHERE pk = 1      | 1 | 23 | Two document paths conflict with each other",
            "UPDATE t SET a = 1 SET a.b.c = 2 WHERE pk = 1    | 1 | 24 | Two document paths overlap",
            "DELETE FROM t WHERE pk = 1 RETURNING ALL NEW *   | 1 | 28 | DELETE supports only RETURNING ALL OLD *, not RETURNING ALL NEW *",
            "DELETE FROM t WHERE pk = 1 RETURNING MODIFIED OLD * | 1 | 28 | DELETE supports only RETURNING ALL OLD *",
    })
    void statementsBreakingARuleAreValidationErrors(String statement, int line, int column, String message) {
        assertThatThrownBy(() -> StatementParser.parse(statement))
                .isInstanceOfSatisfying(SkiffException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                    assertThat(e.getMessage()).contains(message);
                    assertThat(e.line()).as("line").isEqualTo(line);
                    assertThat(e.column()).as("column").isEqualTo(column);
                    assertThat(e.getMessage()).endsWith(" at line " + line + ", column " + column);
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SELECT * FROM t WHERE                   | 1 | 22 | Unexpected end of statement, expected an expression",
            "SELECT * FROM t WHERE missing(a)        | 1 | 30 | Unexpected '('",
            "UPDATE t SET a = 1                      | 1 | 19 | Unexpected end of statement, expected REMOVE, SET or WHERE",
            "DELETE FROM t WHERE pk = 1 RETURNING *  | 1 | 38 | Unexpected '*', expected ALL or MODIFIED",
            "SELECT * FROM t RETURNING ALL OLD *     | 1 | 17 | Unexpected keyword RETURNING",
            "INSERT INTO t VALUE {'a' 1}             | 1 | 26 | Unexpected number 1, expected",
            "SELECT * FROM t.i.j                     | 1 | 18 | Unexpected '.'",
    })
    void statementsThatDoNotParseAreSyntaxErrors(String statement, int line, int column, String message) {
        assertThatThrownBy(() -> StatementParser.parse(statement))
                .isInstanceOfSatisfying(SkiffException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR);
                    assertThat(e.getMessage()).contains(message);
                    assertThat(e.line()).as("line").isEqualTo(line);
                    assertThat(e.column()).as("column").isEqualTo(column);
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`SELECT *\nFROM t\nWHERE foo(a)`                      | 3 | 7",
            "`UPDATE t\n  SET a = 1,\n      a = 2\nWHERE pk = 1`   | 3 | 7",
            "`INSERT INTO t VALUE {\n  'a': 1,\n  'a': 2\n}`        | 3 | 3",
    })
    void errorsOnLaterLinesCarryTheirLine(String statement, int line, int column) {
        assertThatThrownBy(() -> StatementParser.parse(statement))
                .isInstanceOfSatisfying(SkiffException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                });
    }
}
