package io.tessera.core.uploads;

/** PROCESSED: thumbnails or metadata are there; REFUSED: the file was not processed, and its upload's processing says why. */
public enum ProcessingStatus {
    PROCESSED, REFUSED
}
