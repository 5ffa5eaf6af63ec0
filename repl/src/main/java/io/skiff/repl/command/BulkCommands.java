package io.skiff.repl.command;

import io.skiff.repl.bulk.Exporter;
import io.skiff.repl.bulk.Importer;
import io.skiff.repl.bulk.Progress;
import java.util.List;

/** {@code \import} and {@code \export}: bulk data between tables and JSON Lines or CSV files. */
final class BulkCommands {

    private static final String IMPORT_USAGE = "TABLE FILE [--stop-on-error] [--batch-size=N]";

    private BulkCommands() {
    }

    static List<MetaCommand> all() {
        return List.of(
                new SimpleCommand("\\import", List.of(), IMPORT_USAGE,
                        "load a .jsonl or .csv file into a table, skipping bad rows", ArgumentKind.TABLE_THEN_FILE,
                        BulkCommands::importFile),
                new SimpleCommand("\\export", List.of(), "TABLE FILE", "write a table to a .jsonl or .csv file",
                        ArgumentKind.TABLE_THEN_FILE, BulkCommands::exportFile));
    }

    private static boolean importFile(Invocation invocation, CommandContext context) throws Exception {
        invocation.onlyOptions("stop-on-error", "batch-size");
        invocation.expect(2, 2, IMPORT_USAGE);
        int batchSize = Importer.DEFAULT_BATCH_SIZE;
        if (invocation.optionValue("batch-size").isPresent()) {
            try {
                batchSize = Integer.parseInt(invocation.optionValue("batch-size").get());
            } catch (NumberFormatException e) {
                batchSize = 0;
            }
            if (batchSize < 1) {
                throw new CommandException("--batch-size takes a number of rows from 1 on");
            }
        }
        List<String> names = invocation.positional();
        Importer importer = new Importer(context.session(), context.session().err(), progress(context));
        return importer.run(names.get(0), UserPaths.of(names.get(1)),
                new Importer.Options(invocation.option("stop-on-error"), batchSize)).ok();
    }

    private static boolean exportFile(Invocation invocation, CommandContext context) throws Exception {
        invocation.onlyOptions();
        invocation.expect(2, 2, "TABLE FILE");
        List<String> names = invocation.positional();
        boolean interactive = context.session().interactive();
        new Exporter(context.session(), progress(context), interactive).run(names.get(0), UserPaths.of(names.get(1)));
        return true;
    }

    /** A progress bar on the terminal of an interactive session; none otherwise. */
    private static Progress progress(CommandContext context) {
        return context.session().terminal().map(terminal -> Progress.on(terminal.writer())).orElse(Progress.none());
    }
}
