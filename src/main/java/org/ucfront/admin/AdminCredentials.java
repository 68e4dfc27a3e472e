package org.ucfront.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;
import org.ucfront.launcher.UcfrontConfig;

/**
 * The admin API's credentials: from configuration (UCFRONT_ADMIN_USER / UCFRONT_ADMIN_PASSWORD), or
 * else a random password generated at first start and kept in the data directory; never a fixed
 * default.
 */
public final class AdminCredentials {

    private static final Logger LOG = Logger.getLogger(AdminCredentials.class.getName());
    public static final String PASSWORD_FILE = "admin-password";

    private final String user;
    private final byte[] password;

    private AdminCredentials(String user, String password) {
        this.user = user;
        this.password = password.getBytes(StandardCharsets.UTF_8);
    }

    public static AdminCredentials load(UcfrontConfig config) throws IOException {
        if (config.adminPassword != null) {
            return new AdminCredentials(config.adminUser, config.adminPassword);
        }
        Path file = config.dataDir.resolve(PASSWORD_FILE);
        if (!Files.exists(file)) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(config.dataDir);
            Files.writeString(file, generated + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the data directory's own permissions protect it
            }
            LOG.warning("no admin password configured: generated one for user '" + config.adminUser + "' in " + file);
        }
        return new AdminCredentials(config.adminUser, Files.readString(file, StandardCharsets.UTF_8).trim());
    }

    /** Constant-time check of an HTTP Basic user and password. */
    public boolean matches(String user, String password) {
        boolean userOk = MessageDigest.isEqual(this.user.getBytes(StandardCharsets.UTF_8),
                user.getBytes(StandardCharsets.UTF_8));
        boolean passwordOk = MessageDigest.isEqual(this.password, password.getBytes(StandardCharsets.UTF_8));
        return userOk & passwordOk;
    }
}
