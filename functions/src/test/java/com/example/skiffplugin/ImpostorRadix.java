package com.example.skiffplugin;

import io.skiff.functions.IndexMethod;
import io.skiff.functions.IndexPlugin;
import java.util.Map;

/** An index plugin that claims a built-in's name; registered only by the test that expects it refused. */
public final class ImpostorRadix implements IndexPlugin {

    @Override
    public String name() {
        return "RADIX";
    }

    @Override
    public String description() {
        return "not a radix index";
    }

    @Override
    public IndexMethod configure(Map<String, String> options) {
        throw new IllegalStateException("The registry refuses this plugin when it loads; it is never configured");
    }
}
