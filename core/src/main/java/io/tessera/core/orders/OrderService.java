package io.tessera.core.orders;

import io.micronaut.core.annotation.Nullable;
import io.tessera.core.context.CallContext;
import io.tessera.core.data.Page;
import io.tessera.core.data.PageRequest;
import io.tessera.core.problems.ConflictException;
import io.tessera.core.problems.ForbiddenException;
import io.tessera.core.problems.NotFoundException;
import io.tessera.core.resources.Roles;
import jakarta.inject.Singleton;

/**
 * The orders as the caller may see and move them (SPEC §5): tenant admins every order of the
 * tenant, members their own (another member's order is 404, like a missing one); only tenant
 * admins move orders along the status machine, members may cancel their own while it is PLACED.
 */
@Singleton
public class OrderService {

    private final Orders orders;

    OrderService(Orders orders) {
        this.orders = orders;
    }

    public Order get(CallContext caller, String orderId) {
        return orders.find(orderId).filter(order -> maySee(caller, order))
                .orElseThrow(() -> new NotFoundException("There is no order " + orderId + "."));
    }

    public Page<Order> list(CallContext caller, @Nullable OrderStatus status, PageRequest page) {
        return isAdmin(caller) ? orders.listOfTenant(status, page) : orders.listOfOwner(caller.userId(), status, page);
    }

    /** Illegal transitions are 409; a member's other than cancelling their own PLACED order is 403. */
    public Order transition(CallContext caller, String orderId, OrderStatus target) {
        Order order = get(caller, orderId);
        checkTransition(isAdmin(caller), order, target);
        return orders.changeStatus(order, target);
    }

    static boolean maySee(CallContext caller, Order order) {
        return isAdmin(caller) || order.ownerId().equals(caller.userId());
    }

    /** The rule, apart from storage: the status machine first, then who may make the move. */
    static void checkTransition(boolean byAdmin, Order order, OrderStatus target) {
        if (!order.status().canMoveTo(target)) {
            throw new ConflictException("An order that is " + order.status().wireName() + " cannot become " + target.wireName() + ".");
        }
        if (!byAdmin && !(target == OrderStatus.CANCELLED && order.status() == OrderStatus.PLACED)) {
            throw new ForbiddenException("Members may only cancel their own orders while they are PLACED.");
        }
    }

    private static boolean isAdmin(CallContext caller) {
        return caller.hasRole(Roles.TENANT_ADMINS);
    }
}
