using Microsoft.Extensions.AI;
using PodcastFactory.Core.Costs;

namespace PodcastFactory.Core.Agents.Llm;

/// <summary>The configured chat model as the LLM agents see it: the client plus what the ledger needs.</summary>
/// <param name="Client">The chat client (Azure OpenAI or OpenAI-compatible).</param>
/// <param name="Provider">Provider name for the ledger, e.g. "azure-openai".</param>
/// <param name="Model">Model name for the ledger and the price table.</param>
/// <param name="Prices">The price table.</param>
/// <param name="Sampling">Temperature and output cap per agent (settings); null: the model's defaults and each call's cap.</param>
public sealed record LlmModel(IChatClient Client, string Provider, string Model, PriceTable Prices, ChatSampling? Sampling = null);
