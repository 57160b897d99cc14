package io.tessera.bench.bare;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;

/** One endpoint answering a small JSON document, about the size of Tessera's {@code GET /me}. */
@Controller("/hello")
class HelloController {

    @Serdeable
    record Hello(String message) {
    }

    @Get
    Hello hello() {
        return new Hello("hello from a bare Micronaut endpoint");
    }
}
