package io.skiff.repl.cli;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every subcommand of {@code skiff} that talks to a server, for the command line to register. */
public final class ApiCommands {

    /**
     * The subcommands' names, known without building them: the shell registers the subcommands
     * only when one is asked for, so that its start-up does not pay for them.
     */
    public static final Set<String> NAMES = Set.of("create-table", "describe-table", "list-tables", "delete-table",
            "put-item", "get-item", "update-item", "delete-item", "query", "scan", "execute-statement", "explain",
            "batch-write", "transact-write", "cluster");

    private ApiCommands() {
    }

    /** Whether the command line asks for one of the subcommands. */
    public static boolean wanted(String[] args) {
        for (String arg : args) {
            if (NAMES.contains(arg)) {
                return true;
            }
        }
        return false;
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
                new BatchCommands.BatchWrite(io, environment), new BatchCommands.TransactWrite(io, environment),
                ClusterCommands.command(io, environment));
    }
}
