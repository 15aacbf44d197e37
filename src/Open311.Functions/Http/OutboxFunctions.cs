using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Open311.Api;
using Open311.Api.Outbox;

namespace Open311.Functions.Http;

/// <summary>The manage API's outbox: deliveries by state, and a replay.</summary>
public sealed class OutboxFunctions(OutboxEndpoints endpoints)
{
    [Function(nameof(ManageListOutbox))]
    public Task<IResult> ManageListOutbox([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Open311Routes.ManageOutbox)] HttpRequest request) =>
        endpoints.ListAsync(request);

    [Function(nameof(ManageRetryOutbox))]
    public Task<IResult> ManageRetryOutbox([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Open311Routes.ManageOutboxRetry)] HttpRequest request, string intakeId) =>
        endpoints.RetryAsync(request, intakeId);
}
