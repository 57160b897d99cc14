package io.tessera.core.uploads;

import io.tessera.core.data.Expr;
import io.tessera.core.data.Page;
import io.tessera.core.data.PageRequest;
import io.tessera.core.data.Query;
import io.tessera.core.data.TenantItems;
import io.tessera.core.resources.TesseraResources;
import io.tessera.core.tenants.TenantProfiles;
import jakarta.inject.Singleton;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The current tenant's stored uploads (who may see which is the API's business: members their
 * own, tenant admins all). An UPLOADED upload counts against the tenant's storage in the same
 * transaction that marks it.
 */
@Singleton
public class Uploads {

    private static final String PREFIX = "UPLOAD#";
    private static final String GRANTS = "UPLOAD_GRANTS";
    private static final TesseraResources.Index TENANT_INDEX = TesseraResources.MAIN_TABLE.indexes().get(0);
    private static final TesseraResources.Index OWNER_INDEX = TesseraResources.MAIN_TABLE.indexes().get(1);

    private final TenantItems items;
    private final TenantProfiles profiles;
    private final Clock clock;

    Uploads(TenantItems items, TenantProfiles profiles, Clock clock) {
        this.items = items;
        this.profiles = profiles;
        this.clock = clock;
    }

    /**
     * How many uploads the tenant was granted so far: read before the quota is checked, and named
     * when the upload is recorded ({@link #createIfNoGrantSince}), so that grants checked against
     * the same state cannot both be recorded.
     */
    public long grantsSoFar() {
        return items.get(GRANTS).map(item -> item.getNumber("count").longValue()).orElse(0L);
    }

    /**
     * Records a new PENDING upload, counting it as a grant, unless another upload was granted
     * since {@code grantsSeen} was read.
     *
     * @return false if one was: check the quota again and retry
     */
    public boolean createIfNoGrantSince(long grantsSeen, Upload upload) {
        try {
            items.transact(List.of(
                    items.transactionPut(PREFIX + upload.uploadId(), toDocument(upload), Expr.of("attribute_not_exists(pk)")),
                    items.transactionUpdate(GRANTS, Expr.of("SET #count = :next").name("#count", "count").value(":next", grantsSeen + 1),
                            grantsSeen == 0 ? Expr.of("attribute_not_exists(#count)").name("#count", "count")
                                    : Expr.of("#count = :seen").name("#count", "count").value(":seen", grantsSeen))));
            return true;
        } catch (TransactionCanceledException e) {
            return false;
        }
    }

    /**
     * Records a new PENDING upload that no grant preceded (a direct one); false (nothing written) if
     * an upload of that id exists already.
     */
    public boolean createIfAbsent(Upload upload) {
        return items.put(PREFIX + upload.uploadId(), toDocument(upload), Expr.of("attribute_not_exists(pk)"));
    }

    private EnhancedDocument toDocument(Upload upload) {
        String listed = upload.createdAt() + "#" + upload.uploadId();
        return TenantItems.document()
                .putString("type", "UPLOAD")
                .putString("uploadId", upload.uploadId())
                .putString("ownerId", upload.ownerId())
                .putString("fileName", upload.fileName())
                .putString("contentType", upload.contentType())
                .putNumber("declaredBytes", upload.declaredBytes())
                .putString("key", upload.key())
                .putString("status", UploadStatus.PENDING.name())
                .putString("createdAt", upload.createdAt().toString())
                .putNumber("expiresAt", upload.expiresAt().getEpochSecond())
                .putString("gsi1pk", items.indexPartition("UPLOADS"))
                .putString("gsi1sk", listed)
                .putString("gsi2pk", items.indexPartition("USER#" + upload.ownerId() + "#UPLOADS"))
                .putString("gsi2sk", listed)
                .build();
    }

    public Optional<Upload> find(String uploadId) {
        return items.get(PREFIX + uploadId).map(this::toUpload);
    }

    /** The tenant's uploads, newest first. */
    public Page<Upload> listOfTenant(PageRequest page) {
        return items.query(Query.index(TENANT_INDEX, "UPLOADS", "", page).newestFirst()).map(this::toUpload);
    }

    /** One user's uploads, newest first. */
    public Page<Upload> listOfOwner(String ownerId, PageRequest page) {
        return items.query(Query.index(OWNER_INDEX, "USER#" + ownerId + "#UPLOADS", "", page).newestFirst()).map(this::toUpload);
    }

    /** Bytes declared by the tenant's uploads still waiting for their object: they count against the quota. */
    public long pendingBytes() {
        long now = clock.instant().getEpochSecond();
        return items.queryAll(Query.index(TENANT_INDEX, "UPLOADS", "", new PageRequest(PageRequest.MAX_LIMIT, null))
                        .filter(Expr.of("#status = :pending AND expiresAt > :now").name("#status", "status")
                                .value(":pending", UploadStatus.PENDING.name()).value(":now", now)))
                .stream().mapToLong(item -> item.getNumber("declaredBytes").longValue()).sum();
    }

    /**
     * PENDING to UPLOADED with the object's real size and ETag, adding the size to the tenant's
     * storage if it stays within {@code quotaBytes}; false (nothing written) if the upload is not
     * PENDING any more or the quota would be exceeded.
     */
    public boolean markUploaded(String uploadId, long sizeBytes, String etag, long quotaBytes) {
        try {
            items.transact(List.of(
                    items.transactionUpdate(PREFIX + uploadId,
                            Expr.of("SET #status = :uploaded, sizeBytes = :size, etag = :etag, completedAt = :now REMOVE expiresAt")
                                    .name("#status", "status").value(":uploaded", UploadStatus.UPLOADED.name())
                                    .value(":size", sizeBytes).value(":etag", etag).value(":now", clock.instant().toString()),
                            pending()),
                    profiles.addStorage(sizeBytes, quotaBytes)));
            return true;
        } catch (TransactionCanceledException e) {
            return false;
        }
    }

    /**
     * UPLOADED to REJECTED because the object at its key is no longer the one that was checked
     * (another ETag), giving its size back to the tenant's storage; false (nothing written) if it is
     * not UPLOADED with {@code checkedEtag} any more.
     */
    public boolean markReplaced(Upload upload, String reason) {
        try {
            items.transact(List.of(
                    items.transactionUpdate(PREFIX + upload.uploadId(),
                            Expr.of("SET #status = :rejected, rejectionReason = :reason, completedAt = :now")
                                    .name("#status", "status").value(":rejected", UploadStatus.REJECTED.name())
                                    .value(":reason", reason).value(":now", clock.instant().toString()),
                            Expr.of("#status = :uploaded AND etag = :etag").name("#status", "status")
                                    .value(":uploaded", UploadStatus.UPLOADED.name()).value(":etag", upload.etag())),
                    profiles.releaseStorage(upload.sizeBytes())));
            return true;
        } catch (TransactionCanceledException e) {
            return false;
        }
    }

    /** PENDING to REJECTED with the reason. */
    public boolean markRejected(String uploadId, String reason) {
        return items.update(PREFIX + uploadId,
                Expr.of("SET #status = :rejected, rejectionReason = :reason, completedAt = :now REMOVE expiresAt")
                        .name("#status", "status").value(":rejected", UploadStatus.REJECTED.name())
                        .value(":reason", reason).value(":now", clock.instant().toString()),
                pending()).isPresent();
    }

    /**
     * Records what the media processor made of an UPLOADED upload, once: false (nothing written) if
     * it is not UPLOADED or its processing was recorded already (the same S3 event delivered again).
     */
    public boolean recordProcessing(String uploadId, Processing processing) {
        Map<String, AttributeValue> recorded = new LinkedHashMap<>();
        recorded.put("status", AttributeValue.fromS(processing.status().name()));
        if (processing.reason() != null) {
            recorded.put("reason", AttributeValue.fromS(processing.reason()));
        }
        if (processing.width() != null) {
            recorded.put("width", AttributeValue.fromN(processing.width().toString()));
            recorded.put("height", AttributeValue.fromN(processing.height().toString()));
        }
        if (processing.pageCount() != null) {
            recorded.put("pageCount", AttributeValue.fromN(processing.pageCount().toString()));
        }
        recorded.put("thumbnailSizes", AttributeValue.fromL(processing.thumbnailSizes().stream()
                .map(size -> AttributeValue.fromN(Integer.toString(size.longestSide()))).toList()));
        return items.update(PREFIX + uploadId,
                Expr.of("SET #processing = :processing").name("#processing", "processing").value(":processing", AttributeValue.fromM(recorded)),
                Expr.of("#status = :uploaded AND attribute_not_exists(#processing)").name("#status", "status").name("#processing", "processing")
                        .value(":uploaded", UploadStatus.UPLOADED.name())).isPresent();
    }

    private static Expr pending() {
        return Expr.of("#status = :pending").name("#status", "status").value(":pending", UploadStatus.PENDING.name());
    }

    private Upload toUpload(EnhancedDocument item) {
        UploadStatus status = UploadStatus.valueOf(item.getString("status"));
        Instant expiresAt = item.isPresent("expiresAt") ? Instant.ofEpochSecond(item.getNumber("expiresAt").longValue()) : null;
        if (status == UploadStatus.PENDING && expiresAt != null && expiresAt.isBefore(clock.instant())) {
            status = UploadStatus.EXPIRED;
        }
        return new Upload(
                item.getString("uploadId"),
                item.getString("ownerId"),
                item.getString("fileName"),
                item.getString("contentType"),
                item.getNumber("declaredBytes").longValue(),
                item.getString("key"),
                status,
                Instant.parse(item.getString("createdAt")),
                expiresAt,
                item.isPresent("sizeBytes") ? item.getNumber("sizeBytes").longValue() : null,
                item.getString("etag"),
                item.isPresent("completedAt") ? Instant.parse(item.getString("completedAt")) : null,
                item.getString("rejectionReason"),
                item.isPresent("processing") ? toProcessing(item.getMapOfUnknownType("processing")) : null);
    }

    private static Processing toProcessing(Map<String, AttributeValue> recorded) {
        return new Processing(
                ProcessingStatus.valueOf(recorded.get("status").s()),
                recorded.containsKey("reason") ? recorded.get("reason").s() : null,
                recorded.containsKey("width") ? Integer.valueOf(recorded.get("width").n()) : null,
                recorded.containsKey("height") ? Integer.valueOf(recorded.get("height").n()) : null,
                recorded.containsKey("pageCount") ? Integer.valueOf(recorded.get("pageCount").n()) : null,
                recorded.containsKey("thumbnailSizes") ? recorded.get("thumbnailSizes").l().stream()
                        .map(size -> new ThumbnailSize(Integer.parseInt(size.n()))).toList() : List.of());
    }
}
