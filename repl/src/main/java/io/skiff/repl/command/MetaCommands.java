package io.skiff.repl.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The shell commands there are, and finding one by name. */
public final class MetaCommands {

    private final List<MetaCommand> commands;

    private MetaCommands(List<MetaCommand> commands) {
        this.commands = List.copyOf(commands);
    }

    /** Every command of this version, in the order help lists them. */
    public static MetaCommands standard() {
        List<MetaCommand> all = new ArrayList<>();
        List<MetaCommand> session = SessionCommands.all();
        // Help and quit first, then what people use most: describing, then bulk data, then settings.
        all.addAll(session.subList(0, 2));
        all.addAll(DescribeCommands.all());
        all.addAll(BulkCommands.all());
        all.addAll(session.subList(2, session.size()));
        return new MetaCommands(all);
    }

    /** The commands, in help order. */
    public List<MetaCommand> all() {
        return commands;
    }

    /** The command called {@code name} (with its backslash), by its name or an alias. */
    public Optional<MetaCommand> named(String name) {
        return commands.stream()
                .filter(command -> command.name().equals(name) || command.aliases().contains(name))
                .findFirst();
    }

    /** Every name and alias, for completion. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (MetaCommand command : commands) {
            names.add(command.name());
            names.addAll(command.aliases());
        }
        return names;
    }
}
