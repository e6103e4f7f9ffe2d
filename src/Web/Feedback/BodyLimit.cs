namespace Nq45Consult.Web.Feedback;

/// <summary>
/// Refuses request bodies over a limit with 413, whether or not they announce their length: a declared
/// Content-Length is checked up front, a chunked body is counted as it is read (the JSON binder then
/// meets a <see cref="BadHttpRequestException"/> carrying 413). Kestrel's own limit is set as well through
/// the endpoint's request size metadata; this also covers servers without one, such as the test server.
/// </summary>
public sealed record BodyLimit(long MaxBytes)
{
    public static IApplicationBuilder Use(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>() is not { } limit)
        {
            await next(context);
            return;
        }
        if (context.Request.ContentLength > limit.MaxBytes)
        {
            await FeedbackResults.TooLarge(limit.MaxBytes).ExecuteAsync(context);
            return;
        }
        context.Request.Body = new CountingStream(context.Request.Body, limit.MaxBytes);
        await next(context);
    });

    private sealed class CountingStream(Stream inner, long max) : Stream
    {
        private long read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int n)
        {
            read += n;
            if (read > max) throw new BadHttpRequestException($"The request body is larger than {max} bytes.", StatusCodes.Status413PayloadTooLarge);
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
