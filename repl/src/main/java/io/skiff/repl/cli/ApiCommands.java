package io.skiff.repl.cli;

import java.util.List;
import java.util.Map;

/** Every subcommand of {@code skiff} that talks to a server, for the command line to register. */
public final class ApiCommands {

    private ApiCommands() {
    }

    /** The subcommands, each reading and writing through {@code io}. */
    public static List<Object> all(CliIo io, Map<String, String> environment) {
        return List.of(
                new TableCommands.Create(io, environment), new TableCommands.Describe(io, environment),
                new TableCommands.List(io, environment), new TableCommands.Delete(io, environment),
                new ItemCommands.Put(io, environment), new ItemCommands.Get(io, environment),
                new ItemCommands.Update(io, environment), new ItemCommands.Delete(io, environment),
                new ItemCommands.Query(io, environment), new ItemCommands.Scan(io, environment),
                new StatementCommands.Execute(io, environment), new StatementCommands.Explain(io, environment),
                new BatchCommands.BatchWrite(io, environment), new BatchCommands.TransactWrite(io, environment));
    }
}
