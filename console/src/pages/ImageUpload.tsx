import { useEffect, useState } from 'preact/hooks';
import type { Product, Upload, UploadGrant, UploadRequestContentTypeEnum } from '../../generated';
import { useConsole } from '../ui/context';
import { etag } from '../ui/format';
import { useAction } from '../ui/hooks';
import { ProblemBox } from '../ui/Problem';

type Stage = { step: 'idle' } | { step: 'sending'; percent: number } | { step: 'checking' } | { step: 'done'; status: string };

const CHECK_EVERY_MS = 1_000;

/**
 * A product image: POST /uploads grants a presigned request, the file goes straight to S3 (an
 * XMLHttpRequest, for its upload progress events), the server checks the stored object, and the
 * product is replaced with the image once the upload is UPLOADED.
 */
export function ImageUpload({ product, onChanged }: { product: Product; onChanged(product: Product): void }) {
  const { api, live } = useConsole();
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const { problem, setProblem, run } = useAction();
  useEffect(() => live.subscribe('uploads'), [live]);

  const upload = (file: File) =>
    run(async () => {
      const grant = await api.uploads.requestUpload({
        uploadRequest: { fileName: file.name, contentType: file.type as UploadRequestContentTypeEnum, sizeBytes: file.size },
      });
      setStage({ step: 'sending', percent: 0 });
      await send(grant, file, (percent) => setStage({ step: 'sending', percent }));
      setStage({ step: 'checking' });
      const checked = await completion(grant.upload.uploadId);
      setStage({ step: 'done', status: checked.status });
      if (checked.status !== 'UPLOADED') {
        setProblem({ title: `The image was ${checked.status.toLowerCase()}`, detail: checked.rejectionReason });
        return;
      }
      const current = await api.catalog.getProduct({ productId: product.productId });
      onChanged(await api.catalog.replaceProduct({
        productId: product.productId,
        ifMatch: etag(current.version),
        productRequest: {
          name: current.name,
          description: current.description,
          priceMinor: current.priceMinor,
          currency: current.currency,
          stock: current.stock,
          imageUploadId: checked.uploadId,
        },
      }));
    });

  /** The upload.completed push, or the upload's own status, whichever says first that it is checked. */
  const completion = (uploadId: string) =>
    new Promise<Upload>((resolve, reject) => {
      const stopListening = live.on('upload.completed', (message) => {
        if (message.uploadId === uploadId) {
          void api.uploads.getUpload({ uploadId }).then(finish, fail);
        }
      });
      const poll = setInterval(() => {
        void api.uploads.getUpload({ uploadId }).then((upload) => upload.status !== 'PENDING' && finish(upload), fail);
      }, CHECK_EVERY_MS);
      function finish(upload: Upload) {
        stopListening();
        clearInterval(poll);
        resolve(upload);
      }
      function fail(error: unknown) {
        stopListening();
        clearInterval(poll);
        reject(error);
      }
    });

  return (
    <div class="image-upload">
      <label>
        Image for {product.name}
        <input type="file" accept="image/png,image/jpeg,image/webp,image/gif"
          disabled={stage.step === 'sending' || stage.step === 'checking'}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) {
              void upload(file);
            }
          }} />
      </label>
      {stage.step === 'sending' && (
        <progress max={100} value={stage.percent} aria-label={`Uploading the image of ${product.name}`}>{stage.percent}%</progress>
      )}
      {stage.step === 'checking' && <span role="status">Checking the stored file…</span>}
      {stage.step === 'done' && <span role="status" class="upload-status">{stage.status}</span>}
      <ProblemBox problem={problem} />
    </div>
  );
}

/** Sends the file to S3 with exactly the granted method, URL and headers (the browser sets Content-Length itself). */
function send(grant: UploadGrant, file: File, progress: (percent: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(grant.method, grant.url);
    Object.entries(grant.headers)
      .filter(([name]) => name.toLowerCase() !== 'content-length')
      .forEach(([name, value]) => request.setRequestHeader(name, value));
    request.upload.onprogress = (event) => event.lengthComputable && progress(Math.round((event.loaded / event.total) * 100));
    request.onload = () => (request.status < 300 ? resolve() : reject(new Error(`S3 answered ${request.status}`)));
    request.onerror = () => reject(new Error('The upload to S3 did not go through.'));
    request.send(file);
  });
}
