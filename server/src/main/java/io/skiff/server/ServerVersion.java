package io.skiff.server;

/** The version of this build of the server. */
final class ServerVersion {

    private ServerVersion() {
    }

    static String current() {
        String version = ServerVersion.class.getPackage().getImplementationVersion();
        return version != null ? version : "0.1.0-SNAPSHOT";
    }
}
