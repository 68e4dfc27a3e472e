package org.ucfront.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secrets the server must be able to read back (NT hashes: NTLMv2 needs them as such), encrypted at
 * rest with AES-256-GCM under a key kept in a file of the data directory, readable by the server's
 * account only and generated at first use. The database alone (a dump, a backup) does not reveal them;
 * the key file is to be backed up apart from it. Each value is bound to its row (the user's URI as
 * associated data), so sealed values cannot be swapped between users.
 */
public final class SealedSecrets {

    static final String KEY_FILE = "credentials.key";
    static final String PREFIX = "v1:";
    private static final int KEY_LENGTH = 32;
    private static final int IV_LENGTH = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SealedSecrets(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The secrets of a data directory, creating its key file on first use. */
    public static SealedSecrets of(Path dataDir) {
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (!Files.exists(file)) {
                byte[] k = new byte[KEY_LENGTH];
                new SecureRandom().nextBytes(k);
                Files.createDirectories(dataDir);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.write(file, Base64.getEncoder().encode(k));
                } catch (FileAlreadyExistsException raced) {
                    // another thread made it first: read theirs
                } catch (UnsupportedOperationException notPosix) {
                    Files.write(file, Base64.getEncoder().encode(k));
                }
            }
            byte[] k = Base64.getDecoder().decode(Files.readString(file).trim());
            if (k.length != KEY_LENGTH) {
                throw new IllegalStateException(file + " does not hold a " + KEY_LENGTH + "-byte key");
            }
            return new SealedSecrets(k);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    public String seal(byte[] secret, String owner) {
        try {
            byte[] iv = new byte[IV_LENGTH];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            c.updateAAD(owner.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(secret);
            byte[] out = Arrays.copyOf(iv, IV_LENGTH + sealed.length);
            System.arraycopy(sealed, 0, out, IV_LENGTH, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** @return the secret, or null when the value is not one this key sealed for this owner */
    public byte[] open(String sealed, String owner) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            return null;
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_LENGTH));
            c.updateAAD(owner.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return c.doFinal(in, IV_LENGTH, in.length - IV_LENGTH);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
