package org.ucfront.server;

/** The databases ucfront runs on, by JDBC URL; shared by the embedded launcher and the standalone server. */
public final class JdbcUrls {

    private JdbcUrls() {
    }

    /** The driver class for the URL (H2 by default, PostgreSQL in production), or null if unsupported. */
    public static String driverFor(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return "org.h2.Driver";
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return "org.postgresql.Driver";
        }
        return null;
    }

    /** The URL as logged: parameters (which may hold credentials) left out. */
    public static String withoutParameters(String jdbcUrl) {
        int end = jdbcUrl.length();
        for (char c : new char[] {'?', ';'}) {
            int i = jdbcUrl.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return jdbcUrl.substring(0, end);
    }
}
