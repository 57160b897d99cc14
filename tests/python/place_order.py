"""Uses the Python client generated from openapi.yaml the way an integration script would: log in,
read the catalog, place an order idempotently, replace a product with the ETag it read, and read
analytics for a time range given as Python datetimes (which the client sends as
2026-11-29T11:01:31.088774+0000). Reads TESSERA_URL and the demo logins from the environment.
"""
import os
import sys
import uuid
from datetime import datetime, timedelta, timezone

import tessera_client
from tessera_client.exceptions import ApiException


def client(base_url, id_token=None):
    configuration = tessera_client.Configuration(host=base_url, access_token=id_token)
    return tessera_client.ApiClient(configuration)


def id_token(base_url, username, password):
    login = tessera_client.AuthApi(client(base_url)).login(
        tessera_client.LoginRequest(username=username, password=password))
    return login.tokens.id_token


def main():
    base_url = os.environ.get("TESSERA_URL", "http://localhost:8080")
    member = client(base_url, id_token(base_url, os.environ["DEMO_MEMBER_USERNAME"], os.environ["DEMO_MEMBER_PASSWORD"]))
    admin = client(base_url, id_token(base_url, os.environ["DEMO_ADMIN_USERNAME"], os.environ["DEMO_ADMIN_PASSWORD"]))
    print("logged in as the demo member and the demo admin")

    products = tessera_client.CatalogApi(member).list_products(limit=100).items
    available = next(product for product in products if product.stock > 0)
    key = '"python-%s"' % uuid.uuid4()
    order = tessera_client.OrdersApi(member).place_order(
        idempotency_key=key,
        order_request=tessera_client.OrderRequest(lines=[tessera_client.LineRequest(product_id=available.product_id, quantity=1)]))
    again = tessera_client.OrdersApi(member).place_order(
        idempotency_key=key,
        order_request=tessera_client.OrderRequest(lines=[tessera_client.LineRequest(product_id=available.product_id, quantity=1)]))
    assert again.order_id == order.order_id, "the same Idempotency-Key must give the same order"
    print("order %s: %s, %d %s (minor units)" % (order.order_id, order.status, order.total_minor, order.currency))

    catalog = tessera_client.CatalogApi(admin)
    read = catalog.get_product_with_http_info(available.product_id)
    etag = read.headers["ETag"]
    product = read.data
    replaced = catalog.replace_product(available.product_id, if_match=etag, product_request=tessera_client.ProductRequest(
        name=product.name, description=product.description, price_minor=product.price_minor, currency=product.currency,
        stock=product.stock, image_upload_id=product.image_upload_id))
    try:
        catalog.replace_product(available.product_id, if_match=etag, product_request=tessera_client.ProductRequest(
            name=product.name, price_minor=product.price_minor, currency=product.currency, stock=product.stock + 1000))
        raise AssertionError("a replacement with a stale ETag must be refused")
    except ApiException as stale:
        assert stale.status == 412, stale
    print("product %s replaced at version %d; a stale ETag got 412" % (replaced.product_id, replaced.version))

    now = datetime.now(timezone.utc)
    series = tessera_client.AnalyticsApi(admin).get_analytics_timeseries(
        metric="orders", interval="minute", var_from=now - timedelta(hours=1), to=now)
    print("orders in the last hour: %d" % sum(int(point.value) for point in series.points))


if __name__ == "__main__":
    try:
        main()
    except ApiException as error:
        print("HTTP %s: %s" % (error.status, error.body), file=sys.stderr)
        sys.exit(1)
