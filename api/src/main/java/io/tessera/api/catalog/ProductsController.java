package io.tessera.api.catalog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.api.problems.Problem;
import io.tessera.api.text.Visible;
import io.tessera.core.catalog.Catalog;
import io.tessera.core.catalog.Product;
import io.tessera.core.catalog.ProductDraft;
import io.tessera.core.data.Page;
import io.tessera.core.data.PageRequest;
import io.tessera.core.problems.UnprocessableException;
import io.tessera.core.resources.Roles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Currency;

/** The tenant's catalog: everyone in the tenant reads it, tenant admins write it. */
@Controller("/products")
@Secured({Roles.TENANT_ADMINS, Roles.MEMBERS})
class ProductsController {

    static final String PRODUCT_ID = "[A-Za-z0-9-]{1,64}";

    private final Catalog catalog;

    ProductsController(Catalog catalog) {
        this.catalog = catalog;
    }

    @Serdeable
    record ProductRequest(@Visible @Size(max = 200) String name,
                          @Nullable @Size(max = 2000) String description,
                          @NotNull @Min(0) @Max(1_000_000_000_000L) Long priceMinor,
                          @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
                          @NotNull @Min(0) @Max(1_000_000) Integer stock,
                          @Nullable @Pattern(regexp = PRODUCT_ID) String imageUploadId) {

        /** A well-formed code that names no currency is refused as such (422), not as malformed. */
        ProductDraft draft() {
            if (Currency.getAvailableCurrencies().stream().noneMatch(known -> known.getCurrencyCode().equals(currency))) {
                throw new UnprocessableException("The currency " + currency + " is not an ISO 4217 currency.");
            }
            return new ProductDraft(name.strip(), description, priceMinor, currency, stock, imageUploadId);
        }
    }

    @Get
    Page<Product> list(@QueryValue @Nullable @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit,
                       @QueryValue @Nullable @Size(max = 2048) String cursor) {
        return catalog.list(PageRequest.of(limit, cursor));
    }

    @Get("/{productId}")
    Product get(@PathVariable @Pattern(regexp = PRODUCT_ID) String productId) {
        return catalog.get(productId);
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Secured(Roles.TENANT_ADMINS)
    Product create(@Body @Valid ProductRequest request) {
        return catalog.create(request.draft());
    }

    @Put("/{productId}")
    @Secured(Roles.TENANT_ADMINS)
    Product replace(@PathVariable @Pattern(regexp = PRODUCT_ID) String productId, @Body @Valid ProductRequest request) {
        return catalog.replace(productId, request.draft());
    }

    @Delete("/{productId}")
    @Produces({MediaType.APPLICATION_JSON, Problem.CONTENT_TYPE})
    @Secured(Roles.TENANT_ADMINS)
    HttpResponse<Void> delete(@PathVariable @Pattern(regexp = PRODUCT_ID) String productId) {
        catalog.delete(productId);
        return HttpResponse.noContent();
    }
}
