package io.skiff.repl.command;

import io.skiff.repl.Session;
import io.skiff.repl.Script;
import io.skiff.repl.render.OutputFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The commands that steer the session: help, quitting, connections, scripts, output and settings. */
final class SessionCommands {

    private SessionCommands() {
    }

    static List<MetaCommand> all() {
        return List.of(
                new SimpleCommand("\\?", List.of("\\h"), "", "show this help", ArgumentKind.NONE, SessionCommands::help),
                new SimpleCommand("\\q", List.of(), "", "leave the shell (also quit, exit, Ctrl-D)", ArgumentKind.NONE,
                        (invocation, context) -> {
                            context.quit();
                            return true;
                        }),
                new SimpleCommand("\\connect", List.of("\\c"), "[URL]", "connect to another database, or show the URL",
                        ArgumentKind.TEXT, SessionCommands::connect),
                new SimpleCommand("\\i", List.of(), "FILE", "run the statements and commands of FILE",
                        ArgumentKind.FILE, SessionCommands::include),
                new SimpleCommand("\\o", List.of(), "[FILE]", "send results to FILE, or to the screen again",
                        ArgumentKind.FILE, SessionCommands::output),
                new SimpleCommand("\\format", List.of(), "[" + String.join("|", formatNames()) + "]",
                        "set the output format, or show it", ArgumentKind.FORMAT, SessionCommands::format),
                new SimpleCommand("\\x", List.of(), "[on|off]", "switch the vertical format (one line per column)",
                        ArgumentKind.ON_OFF, SessionCommands::vertical),
                new SimpleCommand("\\timing", List.of(), "[on|off]", "show how long each statement takes",
                        ArgumentKind.ON_OFF, SessionCommands::timing),
                new SimpleCommand("\\pager", List.of(), "[on|off]", "page results taller than the screen",
                        ArgumentKind.ON_OFF, SessionCommands::pager),
                new SimpleCommand("\\dialect", List.of(), "[sql|partiql]",
                        "write statements in SQL or in PartiQL (DynamoDB's dialect), or show which",
                        ArgumentKind.DIALECT, SessionCommands::dialect),
                new SimpleCommand("\\consistency", List.of(), "[eventual|strong]",
                        "read a cluster node's replica, or linearizably; or show which",
                        ArgumentKind.CONSISTENCY, SessionCommands::consistency),
                new SimpleCommand("\\cluster", List.of(), "", "show each node's view of the cluster's groups",
                        ArgumentKind.NONE, ClusterStatus::show));
    }

    private static List<String> formatNames() {
        List<String> names = new ArrayList<>();
        for (OutputFormat format : OutputFormat.values()) {
            names.add(format.userName());
        }
        return names;
    }

    static final String INTRODUCTION = String.join(System.lineSeparator(),
            "Statements end with ; outside quotes and comments, and may span lines.",
            "Shell commands start with \\ and end with their line:");

    static final String KEYS = String.join(System.lineSeparator(),
            "Keys: Tab completes, Ctrl-R searches the history, Ctrl-C cancels the running statement",
            "(or drops the input being typed), Ctrl-D on an empty line leaves.");

    private static boolean help(Invocation invocation, CommandContext context) {
        PrintWriter out = context.session().notices();
        out.println(INTRODUCTION);
        List<MetaCommand> later = new ArrayList<>();
        for (MetaCommand command : context.commands()) {
            if (command.available()) {
                out.println(helpLine(command));
            } else {
                later.add(command);
            }
        }
        if (!later.isEmpty()) {
            out.println("Not available yet:");
            later.forEach(command -> out.println(helpLine(command)));
        }
        out.println(KEYS);
        out.flush();
        return true;
    }

    private static String helpLine(MetaCommand command) {
        String names = String.join(", ", concat(command.name(), command.aliases()));
        String usage = command.arguments().isEmpty() ? names : names + " " + command.arguments();
        return String.format(Locale.ROOT, "  %-34s %s", usage, command.summary());
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static boolean connect(Invocation invocation, CommandContext context) throws Exception {
        invocation.expect(0, 1, "[URL]");
        if (invocation.arguments().isEmpty()) {
            notice(context, "Connected to " + context.session().url());
            return true;
        }
        String url = invocation.arguments().get(0);
        // The old connection stays if the new one fails: the failure is reported like a statement's.
        context.session().connect(url);
        notice(context, "Connected to " + url);
        return true;
    }

    private static boolean dialect(Invocation invocation, CommandContext context) throws Exception {
        invocation.expect(0, 1, "[sql|partiql]");
        if (!invocation.arguments().isEmpty()) {
            // Reported like a statement's failure; the dialect stays as it was.
            context.session().dialect(invocation.arguments().get(0));
        }
        notice(context, "Statements are " + (context.session().dialect().equals(Session.PARTIQL)
                ? "PartiQL (DynamoDB's dialect)." : "SQL."));
        return true;
    }

    private static boolean consistency(Invocation invocation, CommandContext context) throws Exception {
        invocation.expect(0, 1, "[eventual|strong]");
        if (!invocation.arguments().isEmpty()) {
            // Reported like a statement's failure; the consistency stays as it was.
            context.session().consistency(invocation.arguments().get(0));
        }
        notice(context, context.session().consistency().equals(Session.STRONG)
                ? "Reads are strong: linearizable, on any node of a cluster."
                : "Reads are eventual: a cluster node's own replica, which may trail its leader.");
        return true;
    }

    private static boolean include(Invocation invocation, CommandContext context) throws Exception {
        invocation.expect(1, 1, "FILE");
        String file = invocation.arguments().get(0);
        String text;
        try {
            text = Script.read(UserPaths.of(file).toString(), InputStream.nullInputStream()).text();
        } catch (IOException e) {
            throw new CommandException(e.getMessage(), e);
        }
        return context.runScript(text, file);
    }

    private static boolean output(Invocation invocation, CommandContext context) throws CommandException {
        invocation.expect(0, 1, "[FILE]");
        if (invocation.arguments().isEmpty()) {
            context.session().outputToScreen();
            notice(context, "Results go to the screen.");
            return true;
        }
        Path file = UserPaths.of(invocation.arguments().get(0));
        try {
            context.session().outputTo(file);
        } catch (IOException e) {
            throw new CommandException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        notice(context, "Results go to " + file + ".");
        return true;
    }

    private static boolean format(Invocation invocation, CommandContext context) throws CommandException {
        invocation.expect(0, 1, "[" + String.join("|", formatNames()) + "]");
        if (!invocation.arguments().isEmpty()) {
            try {
                context.session().format(OutputFormat.named(invocation.arguments().get(0)));
            } catch (IllegalArgumentException e) {
                throw new CommandException(capitalized(e.getMessage()), e);
            }
        }
        notice(context, "Output format is " + context.session().format().userName() + ".");
        return true;
    }

    private static boolean vertical(Invocation invocation, CommandContext context) throws CommandException {
        boolean on = context.session().format() == OutputFormat.VERTICAL;
        boolean wanted = onOff(invocation, on);
        if (wanted != on) {
            context.session().toggleVertical();
        }
        notice(context, "Vertical format is " + (wanted ? "on" : "off") + ".");
        return true;
    }

    private static boolean timing(Invocation invocation, CommandContext context) throws CommandException {
        context.session().timing(onOff(invocation, context.session().timing()));
        notice(context, "Timing is " + (context.session().timing() ? "on" : "off") + ".");
        return true;
    }

    private static boolean pager(Invocation invocation, CommandContext context) throws CommandException {
        context.session().paging(onOff(invocation, context.session().paging()));
        notice(context, "Pager is " + (context.session().paging() ? "on" : "off")
                + (context.session().interactive() ? "." : " (it only ever pages on a terminal)."));
        return true;
    }

    /** The setting an {@code on}/{@code off} argument asks for; no argument switches it. */
    static boolean onOff(Invocation invocation, boolean current) throws CommandException {
        invocation.expect(0, 1, "[on|off]");
        if (invocation.arguments().isEmpty()) {
            return !current;
        }
        return switch (invocation.arguments().get(0).toLowerCase(Locale.ROOT)) {
            case "on", "true", "1" -> true;
            case "off", "false", "0" -> false;
            default -> throw new CommandException("Usage: " + invocation.name() + " [on|off]");
        };
    }

    static void notice(CommandContext context, String message) {
        context.session().notices().println(message);
        context.session().notices().flush();
    }

    private static String capitalized(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
