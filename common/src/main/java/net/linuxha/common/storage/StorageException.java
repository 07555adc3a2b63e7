package net.linuxha.common.storage;

/**
 * A storage step that failed; the message names the application, file system or node and what to do. Tools print
 * it as an ERROR line; clstartapp aborts the start on it.
 */
public class StorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
