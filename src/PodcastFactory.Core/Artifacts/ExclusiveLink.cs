using System.Runtime.InteropServices;

namespace PodcastFactory.Core.Artifacts;

/// <summary>
/// Publishes a finished temp file under a name only if the name is free, atomically. File.Move without overwrite
/// checks and renames in two steps on Unix (a test with ten concurrent callers saw two winners); link(2) fails
/// with EEXIST instead, so exactly one caller wins and readers only ever see the whole file.
/// </summary>
internal static partial class ExclusiveLink
{
    const int AlreadyExists = 17; // EEXIST on Linux and macOS

    /// <summary>True when <paramref name="path"/> now names the content of <paramref name="temp"/>; false when it was taken.</summary>
    public static bool TryPublish(string temp, string path)
    {
        if (OperatingSystem.IsWindows())
        {
            try
            {
                File.Move(temp, path, overwrite: false); // MoveFileEx without REPLACE_EXISTING is atomic there.
                return true;
            }
            catch (IOException) when (File.Exists(path))
            {
                return false;
            }
        }

        if (Link(temp, path) == 0)
        {
            return true;
        }

        int error = Marshal.GetLastPInvokeError();
        return error == AlreadyExists ? false : throw new IOException($"Could not create '{path}' (errno {error}).");
    }

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Link(string existingPath, string newPath);
}
