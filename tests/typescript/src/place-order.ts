// Uses the TypeScript client generated from openapi.yaml the way a web app would: log in, list the
// catalog, place an order. Reads TESSERA_URL and the demo member's login from the environment.
import { AuthApi, Configuration, OrdersApi, CatalogApi, ResponseError } from "../generated";

declare const process: { env: Record<string, string | undefined>; exit(code: number): never };

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

async function main(): Promise<void> {
  const basePath = process.env.TESSERA_URL ?? "http://localhost:8080";
  const login = await new AuthApi(new Configuration({ basePath })).login({
    loginRequest: { username: required("DEMO_MEMBER_USERNAME"), password: required("DEMO_MEMBER_PASSWORD") },
  });
  const idToken = login.tokens?.idToken;
  if (!idToken) {
    throw new Error("login did not return tokens");
  }
  console.log("logged in as the demo member");

  const config = new Configuration({ basePath, accessToken: async () => idToken });
  const products = await new CatalogApi(config).listProducts({ limit: 100 });
  const available = products.items.find((product) => product.stock > 0);
  console.log(`catalog: ${products.items.length} product(s)`);
  if (!available) {
    throw new Error("the demo catalog has no product in stock");
  }

  const order = await new OrdersApi(config).placeOrder({
    idempotencyKey: `ts-${Date.now()}`,
    orderRequest: { lines: [{ productId: available.productId, quantity: 1 }] },
  });
  console.log(`order ${order.orderId}: ${order.status}, ${order.totalMinor} ${order.currency} (minor units) for 1 x ${available.name}`);
}

main().catch(async (error: unknown) => {
  if (error instanceof ResponseError) {
    console.error(`HTTP ${error.response.status}: ${await error.response.text()}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
