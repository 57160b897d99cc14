package io.tessera.core.uploads;

/** PENDING until the object arrives; UPLOADED or REJECTED by the completion check; EXPIRED if it never came. */
public enum UploadStatus {
    PENDING, UPLOADED, REJECTED, EXPIRED
}
