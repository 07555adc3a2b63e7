package net.linuxha.common.resources;

/**
 * A resource request that cannot be met: the pool is exhausted, a number is held by someone else, or a smaller pool
 * would drop an allocated number. The message names the resource, its holder and the fix.
 */
public final class ResourceException extends Exception {

    private static final long serialVersionUID = 1L;

    public ResourceException(String message) {
        super(message);
    }
}
