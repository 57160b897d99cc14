package io.tessera.core.data;

import io.micronaut.core.annotation.Nullable;
import io.tessera.core.resources.TesseraResources;

/**
 * A listing inside the current tenant: over the table itself (partition {@code TENANT#id}) or over
 * an index whose partition is {@code TENANT#id#<indexPartition>}.
 *
 * @param index          null for the table itself
 * @param indexPartition the tenant-relative index partition, e.g. {@code USER#u1#ORDERS}; null for the table
 * @param sortKeyPrefix  only items whose sort key starts with this
 * @param filter         applied after the key condition; pages are filled up to the limit regardless
 */
public record Query(@Nullable TesseraResources.Index index,
                    @Nullable String indexPartition,
                    String sortKeyPrefix,
                    boolean descending,
                    @Nullable Expr filter,
                    PageRequest page) {

    public static Query table(String sortKeyPrefix, PageRequest page) {
        return new Query(null, null, sortKeyPrefix, false, null, page);
    }

    public static Query index(TesseraResources.Index index, String indexPartition, String sortKeyPrefix, PageRequest page) {
        return new Query(index, indexPartition, sortKeyPrefix, false, null, page);
    }

    /** Sort keys descending: newest first where they start with a time. */
    public Query newestFirst() {
        return new Query(index, indexPartition, sortKeyPrefix, true, filter, page);
    }

    public Query filter(@Nullable Expr newFilter) {
        return new Query(index, indexPartition, sortKeyPrefix, descending, newFilter, page);
    }
}
