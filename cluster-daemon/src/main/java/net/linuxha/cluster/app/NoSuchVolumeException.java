package net.linuxha.cluster.app;

import net.linuxha.common.storage.StorageException;

/**
 * A vg/lv named by a request that is not one of the application's file systems (its fsmap): the request is wrong,
 * not the storage, so it is answered with an ERROR naming the file systems there are.
 */
public final class NoSuchVolumeException extends StorageException {

    private static final long serialVersionUID = 1L;

    public NoSuchVolumeException(String message) {
        super(message);
    }
}
