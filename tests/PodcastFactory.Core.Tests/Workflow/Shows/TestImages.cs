using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace PodcastFactory.Core.Tests.Workflow.Shows;

/// <summary>Images built in the test: a real, decodable grey PNG of any size, and a JPEG of only the headers our reader needs.</summary>
public static class TestImages
{
    /// <summary>A valid 8-bit greyscale PNG (signature, IHDR, zlib IDAT, IEND, with CRCs) of <paramref name="width"/> x <paramref name="height"/>.</summary>
    public static byte[] Png(int width, int height)
    {
        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
        {
            byte[] row = new byte[width + 1]; // filter type 0, then one grey byte per pixel
            for (int y = 0; y < height; y++)
            {
                zlib.Write(row);
            }
        }

        byte[] header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grey), compression, filter, interlace all 0
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", raw.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>SOI, an APP0 segment, a baseline SOF0 with these dimensions and EOI: what a JPEG's header reader sees.</summary>
    public static byte[] JpegHeader(int width, int height)
    {
        byte[] app0 = [0xFF, 0xE0, 0x00, 0x10, .. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0];
        byte[] sof0 = [0xFF, 0xC0, 0x00, 0x0B, 8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 1, 1, 0x11, 0];
        return [0xFF, 0xD8, .. app0, 0xFF, 0xFF, .. sof0, 0xFF, 0xD9];
    }

    static void Chunk(Stream png, string type, byte[] data)
    {
        byte[] length = new byte[4], crc = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        byte[] typed = [.. Encoding.ASCII.GetBytes(type), .. data];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(length);
        png.Write(typed);
        png.Write(crc);
    }

    // The PNG chunk CRC (ISO 3309, reflected polynomial 0xEDB88320), bit by bit: test images are small enough.
    static uint Crc32(byte[] bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
