package io.tessera.api.basket;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.api.problems.Problem;
import io.tessera.core.basket.Basket;
import io.tessera.core.basket.Baskets;
import io.tessera.core.basket.Checkout;
import io.tessera.core.catalog.ProductQuantity;
import io.tessera.core.resources.Roles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.util.List;

/** Each user's own basket, and checkout. */
@Controller("/basket")
@Secured({Roles.TENANT_ADMINS, Roles.MEMBERS})
class BasketController {

    private final Baskets baskets;
    private final Checkout checkout;

    BasketController(Baskets baskets, Checkout checkout) {
        this.baskets = baskets;
        this.checkout = checkout;
    }

    @Serdeable
    record LineRequest(@NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String productId,
                       @NotNull @Min(1) @Max(100) Integer quantity) {
    }

    @Serdeable
    record BasketRequest(@NotNull @Size(max = 50) List<@NotNull @Valid LineRequest> lines) {
    }

    /** @param orderId the order this checkout becomes, once the order creator has run */
    @Serdeable
    record CheckoutStarted(String checkoutId, String orderId) {
    }

    @Get
    Basket get() {
        return baskets.current();
    }

    @Put
    Basket replace(@Body @Valid BasketRequest request) {
        return baskets.replace(request.lines().stream()
                .map(line -> new ProductQuantity(line.productId(), line.quantity()))
                .toList());
    }

    @Delete
    @Produces({MediaType.APPLICATION_JSON, Problem.CONTENT_TYPE})
    HttpResponse<Void> clear() {
        baskets.clear();
        return HttpResponse.noContent();
    }

    @Post("/checkout")
    HttpResponse<CheckoutStarted> checkout() {
        String checkoutId = checkout.start();
        return HttpResponse.accepted(URI.create("/orders/" + checkoutId)).body(new CheckoutStarted(checkoutId, checkoutId));
    }
}
