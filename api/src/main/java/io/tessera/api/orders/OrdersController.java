package io.tessera.api.orders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.tessera.api.headers.IdempotencyKeys;
import io.tessera.api.text.TextLength;
import io.tessera.core.catalog.ProductQuantity;
import io.tessera.core.context.CallContext;
import io.tessera.core.data.Page;
import io.tessera.core.data.PageRequest;
import io.tessera.core.orders.Order;
import io.tessera.core.orders.OrderPlacement;
import io.tessera.core.orders.OrderService;
import io.tessera.core.orders.OrderStatus;
import io.tessera.core.problems.BadRequestException;
import io.tessera.core.resources.Roles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Arrays;
import java.util.List;

/** Orders: members place and see their own, tenant admins see and move all of the tenant's. */
@Controller("/orders")
@Secured({Roles.TENANT_ADMINS, Roles.MEMBERS})
class OrdersController {

    private static final String ORDER_ID = "[A-Za-z0-9-]{1,64}";

    private final OrderService orders;
    private final OrderPlacement placement;

    OrdersController(OrderService orders, OrderPlacement placement) {
        this.orders = orders;
        this.placement = placement;
    }

    @Serdeable
    record LineRequest(@NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String productId,
                       @NotNull @Min(1) @Max(100) Integer quantity) {
    }

    @Serdeable
    record OrderRequest(@NotNull @Size(min = 1, max = 50) List<@NotNull @Valid LineRequest> lines) {
    }

    @Serdeable
    record StatusChange(@NotNull OrderStatus status) {
    }

    @Post
    @Status(HttpStatus.CREATED)
    Order place(@Header(IdempotencyKeys.HEADER) @Nullable String idempotencyKey, @Body @Valid OrderRequest request) {
        return placement.placeDirect(IdempotencyKeys.parse(idempotencyKey), request.lines().stream()
                .map(line -> new ProductQuantity(line.productId(), line.quantity()))
                .toList());
    }

    @Get
    Page<Order> list(@QueryValue @Nullable String status,
                     @QueryValue @Nullable @Min(1) @Max(PageRequest.MAX_LIMIT) Integer limit,
                     @QueryValue @Nullable @TextLength(max = 2048) String cursor) {
        return orders.list(CallContext.caller(), status == null ? null : statusNamed(status), PageRequest.of(limit, cursor));
    }

    /** Exactly as the contract spells it: Micronaut's own conversion would also take {@code paid}. */
    private static OrderStatus statusNamed(String name) {
        return Arrays.stream(OrderStatus.values()).filter(status -> status.wireName().equals(name)).findFirst()
                .orElseThrow(() -> new BadRequestException("status must be one of " + Arrays.toString(OrderStatus.values()) + "."));
    }

    @Get("/{orderId}")
    Order get(@PathVariable @Pattern(regexp = ORDER_ID) String orderId) {
        return orders.get(CallContext.caller(), orderId);
    }

    @Post("/{orderId}/status")
    Order changeStatus(@PathVariable @Pattern(regexp = ORDER_ID) String orderId, @Body @Valid StatusChange change) {
        return orders.transition(CallContext.caller(), orderId, change.status());
    }
}
