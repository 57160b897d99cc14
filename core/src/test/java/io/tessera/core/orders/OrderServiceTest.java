package io.tessera.core.orders;

import io.tessera.core.context.CallContext;
import io.tessera.core.problems.ConflictException;
import io.tessera.core.problems.ForbiddenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderServiceTest {

    private static final CallContext ADMIN = new CallContext("acme", "admin-1", Set.of("tenant-admins"), "c");
    private static final CallContext OWNER = new CallContext("acme", "member-1", Set.of("members"), "c");
    private static final CallContext OTHER_MEMBER = new CallContext("acme", "member-2", Set.of("members"), "c");

    private static Order order(OrderStatus status) {
        return new Order("o-1", "member-1", status, List.of(), 100, "EUR", Instant.EPOCH, Instant.EPOCH, 1, null);
    }

    @Test
    void adminsSeeEveryOrderAndMembersOnlyTheirOwn() {
        assertThat(OrderService.maySee(ADMIN, order(OrderStatus.PLACED))).isTrue();
        assertThat(OrderService.maySee(OWNER, order(OrderStatus.PLACED))).isTrue();
        assertThat(OrderService.maySee(OTHER_MEMBER, order(OrderStatus.PLACED))).isFalse();
    }

    @Test
    void theStatusMachineAllowsOnlyItsMoves() {
        assertThat(OrderStatus.PLACED.next()).containsExactlyInAnyOrder(OrderStatus.PAID, OrderStatus.CANCELLED);
        assertThat(OrderStatus.PAID.next()).containsExactlyInAnyOrder(OrderStatus.SHIPPED, OrderStatus.CANCELLED);
        assertThat(OrderStatus.SHIPPED.next()).containsExactly(OrderStatus.DELIVERED);
        for (OrderStatus end : EnumSet.of(OrderStatus.DELIVERED, OrderStatus.CANCELLED, OrderStatus.REJECTED)) {
            assertThat(end.next()).as(end.name()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(OrderStatus.class)
    void anIllegalMoveIsAConflictForAdminsAndMembersAlike(OrderStatus from) {
        for (OrderStatus target : EnumSet.complementOf(EnumSet.copyOf(from.next()))) {
            assertThatThrownBy(() -> OrderService.checkTransition(true, order(from), target)).isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> OrderService.checkTransition(false, order(from), target)).isInstanceOf(ConflictException.class);
        }
    }

    @Test
    void membersMayOnlyCancelAPlacedOrderAndAdminsMayMakeEveryLegalMove() {
        assertThatCode(() -> OrderService.checkTransition(false, order(OrderStatus.PLACED), OrderStatus.CANCELLED)).doesNotThrowAnyException();
        assertThatThrownBy(() -> OrderService.checkTransition(false, order(OrderStatus.PLACED), OrderStatus.PAID))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> OrderService.checkTransition(false, order(OrderStatus.PAID), OrderStatus.CANCELLED))
                .isInstanceOf(ForbiddenException.class);
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus target : from.next()) {
                assertThatCode(() -> OrderService.checkTransition(true, order(from), target)).doesNotThrowAnyException();
            }
        }
    }
}
