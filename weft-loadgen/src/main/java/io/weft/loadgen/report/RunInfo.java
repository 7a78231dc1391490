package io.weft.loadgen.report;

/**
 * Where and how a run was made, for reports: enough to reproduce it and to judge its figures.
 *
 * @param commandLine  the command as typed (or an equivalent)
 * @param weftVersion  Weft's version, "dev" when run from classes
 * @param jdk          the JDK that ran the generator
 * @param cores        cores available to the generator
 * @param os           operating system and architecture
 */
public record RunInfo(String commandLine, String weftVersion, String jdk, int cores, String os) {

    /** This process's JDK, cores and OS, with the given command line and Weft version. */
    public static RunInfo current(String commandLine, String weftVersion) {
        return new RunInfo(commandLine, weftVersion == null ? "dev" : weftVersion,
                Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    }
}
