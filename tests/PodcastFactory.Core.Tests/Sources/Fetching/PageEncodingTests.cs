using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PodcastFactory.Core.Sources.Fetching;
using PodcastFactory.Core.Tests.TestServers;

namespace PodcastFactory.Core.Tests.Sources.Fetching;

/// <summary>Pages in Spanish and German read right whatever they are encoded in, served over real HTTP.</summary>
public sealed class PageEncodingTests : IAsyncLifetime
{
    const string Spanish = "El niño comió piñones en el año más cálido: «¿qué pasó?»";
    const string German = "Größere Straßenbäume überstehen Dürre besser";

    TestSite _site = null!;

    static PageEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public async Task InitializeAsync() => _site = await TestSite.StartAsync(app =>
    {
        Encoding w1252 = Encoding.GetEncoding("windows-1252");
        app.MapGet("/meta", () => Results.Bytes(w1252.GetBytes($"<html><head><meta charset=\"windows-1252\"><title>T</title></head><body><p>{Spanish}</p></body></html>"), "text/html"));
        app.MapGet("/http-equiv", () => Results.Bytes(Encoding.Latin1.GetBytes($"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head><body><p>{German}</p></body></html>"), "text/html"));
        app.MapGet("/header", () => Results.Bytes(w1252.GetBytes($"<html><head><meta charset=\"utf-8\"></head><body><p>{Spanish}</p></body></html>"), "text/html; charset=windows-1252"));
        app.MapGet("/utf16", () => Results.Bytes([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(German)], "text/plain"));
        app.MapGet("/plain-utf8", () => Results.Bytes(Encoding.UTF8.GetBytes(German), "text/plain"));
        app.MapGet("/bogus", () => Results.Bytes(Encoding.UTF8.GetBytes(Spanish), "text/plain; charset=x-no-such-charset"));
    });

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Theory]
    [InlineData("/meta", Spanish)]
    [InlineData("/http-equiv", German)]
    [InlineData("/header", Spanish)] // the Content-Type charset wins over a meta that contradicts it
    [InlineData("/utf16", German)]
    [InlineData("/plain-utf8", German)]
    [InlineData("/bogus", Spanish)] // an unknown charset falls back to UTF-8
    public async Task FetchAsync_PageInAnyEncoding_BodyReadsAsWritten(string path, string expected)
    {
        using ServiceProvider services = FetcherHost.Services(FetcherHost.Loopback());

        FetchedPage page = await FetcherHost.Create(services).FetchAsync(_site.Url(path), CancellationToken.None);

        Assert.Contains(expected, page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("\uFEFF", page.Body, StringComparison.Ordinal);
    }
}
