package io.skiff.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jline.reader.EOFError;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;

class SqlLineParserTest {

    private final SqlLineParser parser = new SqlLineParser();

    @Test
    void enterOnAnUnterminatedStatementAsksForMore() {
        assertThatThrownBy(() -> parser.parse("select *\nfrom t", 15, ParseContext.ACCEPT_LINE)).isInstanceOf(EOFError.class);
        assertThatThrownBy(() -> parser.parse("select 'a;", 10, ParseContext.ACCEPT_LINE)).isInstanceOf(EOFError.class);
    }

    @Test
    void enterAcceptsTerminatedStatementsBlankInputAndShellCommands() {
        for (String input : new String[] {"select 1;", "select 1; -- done", "", "  ", "\\q", "quit", "help;"}) {
            assertThat(parser.parse(input, input.length(), ParseContext.ACCEPT_LINE)).as(input).isNotNull();
        }
    }

    @Test
    void lineEditingNeverAsksForMore() {
        assertThat(parser.parse("select na", 9, ParseContext.COMPLETE).word()).isEqualTo("na");
    }
}
