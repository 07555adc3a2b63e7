package net.linuxha.common.resources;

import java.util.Objects;
import java.util.Optional;

/**
 * One flag file of a resource directory (7.2.5): {@code NNNN.free} while the number is unallocated,
 * {@code NNNN.application.vg.lv} while a file system holds it.
 */
public record ResourceFile(int number, Optional<ResourceOwner> owner) {

    static final String FREE = "free";

    public ResourceFile {
        if (number < 0) {
            throw new IllegalArgumentException("resource number must not be negative: " + number);
        }
        Objects.requireNonNull(owner, "owner");
    }

    public static ResourceFile free(int number) {
        return new ResourceFile(number, Optional.empty());
    }

    public static ResourceFile allocated(int number, ResourceOwner owner) {
        return new ResourceFile(number, Optional.of(owner));
    }

    public boolean isFree() {
        return owner.isEmpty();
    }

    public String fileName() {
        return number + "." + owner.map(ResourceOwner::suffix).orElse(FREE);
    }

    /**
     * Reads a flag file name; empty for anything else in the directory (temporary files, a name with a bad number
     * or not exactly {@code NNNN.free} / {@code NNNN.application.vg.lv}).
     */
    public static Optional<ResourceFile> parse(String fileName) {
        String[] parts = fileName.split("\\.", -1);
        if (parts.length < 2 || parts[0].isEmpty() || parts[0].length() > 6
                || !parts[0].chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int number = Integer.parseInt(parts[0]);
        if (parts.length == 2 && parts[1].equals(FREE)) {
            return Optional.of(free(number));
        }
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(allocated(number, ResourceOwner.of(parts[1], parts[2], parts[3])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
