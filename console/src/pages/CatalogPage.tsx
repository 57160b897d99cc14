import { useState } from 'preact/hooks';
import type { Product, ProductRequest } from '../../generated';
import { Confirm } from '../ui/Confirm';
import { useConsole } from '../ui/context';
import { etag, minorDigits, money, toMinor } from '../ui/format';
import { useAction, usePages } from '../ui/hooks';
import { ProblemBox } from '../ui/Problem';
import { ImageUpload } from './ImageUpload';

/** Tenant admins: the catalog. An edit replaces the version the form was read from (If-Match). */
export function CatalogPage() {
  const { api } = useConsole();
  const products = usePages((cursor) => api.catalog.listProducts({ cursor, limit: 50 }));
  const [editing, setEditing] = useState<Product | 'new' | undefined>();
  const replace = (changed: Product) =>
    products.setItems((all) => all.map((product) => (product.productId === changed.productId ? changed : product)));

  return (
    <section aria-labelledby="catalog-title">
      <h1 id="catalog-title">Catalog</h1>
      <button type="button" onClick={() => setEditing('new')}>New product</button>
      {editing && (
        <ProductForm
          key={editing === 'new' ? 'new' : `${editing.productId}@${editing.version}`}
          product={editing === 'new' ? undefined : editing}
          onDone={(saved) => {
            setEditing(undefined);
            if (saved) {
              products.setItems((all) => all.some((product) => product.productId === saved.productId)
                ? all.map((product) => (product.productId === saved.productId ? saved : product))
                : [saved, ...all]);
            }
          }}
        />
      )}
      <ProblemBox problem={products.problem} />
      <ul class="products">
        {products.items.map((product) => (
          <ProductCard key={product.productId} product={product} onEdit={() => setEditing(product)} onChanged={replace}
            onRemoved={() => products.setItems((all) => all.filter((other) => other.productId !== product.productId))} />
        ))}
      </ul>
      {products.hasMore && <button type="button" disabled={products.loading} onClick={() => void products.more()}>Load more products</button>}
    </section>
  );
}

interface ProductCardProps {
  product: Product;
  onEdit(): void;
  onChanged(product: Product): void;
  onRemoved(): void;
}

function ProductCard({ product, onEdit, onChanged, onRemoved }: ProductCardProps) {
  const { api } = useConsole();
  const [confirming, setConfirming] = useState(false);
  const { busy, problem, run } = useAction();
  const remove = () =>
    run(async () => {
      await api.catalog.deleteProduct({ productId: product.productId, ifMatch: etag(product.version) });
      onRemoved();
    });

  return (
    <li class="card product" data-product={product.name}>
      <h2>{product.name}</h2>
      <p class="price">{money(product.priceMinor, product.currency)} · {product.stock} in stock · version {product.version}</p>
      {product.description && <p>{product.description}</p>}
      <p class="image">{product.imageUploadId ? `Image: upload ${product.imageUploadId}` : 'No image'}</p>
      <ImageUpload product={product} onChanged={onChanged} />
      <div class="actions">
        <button type="button" onClick={onEdit} disabled={busy}>Edit</button>
        <button type="button" class="danger" onClick={() => setConfirming(true)} disabled={busy}>Delete</button>
      </div>
      <ProblemBox problem={problem} hint={problem?.status === 412 ? 'Someone changed it meanwhile: reload the page.' : undefined} />
      {confirming && (
        <Confirm title={`Delete ${product.name}?`} message="Orders keep their copy of it; it leaves the catalog."
          confirmLabel="Delete" onCancel={() => setConfirming(false)} onConfirm={() => { setConfirming(false); void remove(); }} />
      )}
    </li>
  );
}

function ProductForm({ product, onDone }: { product?: Product; onDone(saved?: Product): void }) {
  const { api } = useConsole();
  const [name, setName] = useState(product?.name ?? '');
  const [description, setDescription] = useState(product?.description ?? '');
  const [currency, setCurrency] = useState(product?.currency ?? 'EUR');
  const [price, setPrice] = useState(product ? (product.priceMinor / 10 ** minorDigits(product.currency)).toFixed(minorDigits(product.currency)) : '');
  const [stock, setStock] = useState(String(product?.stock ?? 0));
  const { busy, problem, setProblem, run } = useAction();

  const save = (event: Event) => {
    event.preventDefault();
    const priceMinor = toMinor(price, currency);
    if (priceMinor === undefined) {
      setProblem({ title: 'Price', detail: `Write the price as an amount in ${currency}, e.g. 24.90.` });
      return;
    }
    const productRequest: ProductRequest = {
      name, description, currency, priceMinor, stock: Number(stock), imageUploadId: product?.imageUploadId,
    };
    void run(async () => onDone(product
      ? await api.catalog.replaceProduct({ productId: product.productId, ifMatch: etag(product.version), productRequest })
      : await api.catalog.createProduct({ productRequest })));
  };

  return (
    <form class="card product-form" onSubmit={save} aria-labelledby="product-form-title">
      <h2 id="product-form-title">{product ? `Edit ${product.name} (version ${product.version})` : 'New product'}</h2>
      <label>Name<input name="name" required maxLength={200} value={name} onInput={(event) => setName(event.currentTarget.value)} /></label>
      <label>Description<textarea name="description" maxLength={2000} value={description}
        onInput={(event) => setDescription(event.currentTarget.value)} /></label>
      <label>Price<input name="price" required inputMode="decimal" value={price} onInput={(event) => setPrice(event.currentTarget.value)} /></label>
      <label>Currency<input name="currency" required pattern="[A-Z]{3}" maxLength={3} value={currency}
        onInput={(event) => setCurrency(event.currentTarget.value.toUpperCase())} /></label>
      <label>Stock<input name="stock" type="number" min={0} max={1000000} required value={stock}
        onInput={(event) => setStock(event.currentTarget.value)} /></label>
      <div class="actions">
        <button type="submit" disabled={busy}>Save</button>
        <button type="button" onClick={() => onDone()}>Cancel</button>
      </div>
      <ProblemBox problem={problem} hint={problem?.status === 412 ? 'The product changed since you opened it: cancel and edit it again.' : undefined} />
    </form>
  );
}
