package io.tessera.core.uploads;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;
import java.util.List;

/** What may be uploaded and for how long a presigned request stays valid ({@code tessera.uploads}). */
@ConfigurationProperties("tessera.uploads")
public interface UploadsConfiguration {

    Duration MAX_URL_TTL = Duration.ofMinutes(15);

    @NotEmpty
    @Bindable(defaultValue = "image/png,image/jpeg,image/webp,image/gif,application/pdf,text/csv,text/plain")
    List<String> getAllowedContentTypes();

    /** How long a presigned upload or download URL is valid; at most 15 minutes. */
    @NotNull
    @Bindable(defaultValue = "10m")
    Duration getUrlTtl();

    /** How long a PENDING upload waits for its object before it is given up. */
    @NotNull
    @Bindable(defaultValue = "1h")
    Duration getPendingTtl();
}
