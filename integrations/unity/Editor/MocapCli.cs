using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;

namespace Mocap.VideoToAnimation
{
    /// <summary>
    /// One background run of `mocap convert`: its progress lines ("progress DONE/TOTAL" on stderr,
    /// from --progress-lines) and its one error line when it fails.
    /// </summary>
    public sealed class MocapCli
    {
        private static readonly Regex ProgressLine = new Regex(@"^progress (\d+)/(\d+)$");
        private readonly Process _process;
        private readonly List<string> _errors = new List<string>();
        private readonly object _lock = new object();
        private int _done, _total;

        public static string ConvertArguments(string video, string outputBase, string preset, string smoothing, string model)
        {
            var args = new List<string> { "convert", Quote(video), "-o", Quote(outputBase), "--format", "fbx",
                "--progress-lines", "--force" };
            if (!string.IsNullOrEmpty(preset)) args.AddRange(new[] { "--preset", Quote(preset) });
            if (!string.IsNullOrEmpty(smoothing)) args.AddRange(new[] { "--smooth", smoothing });
            if (!string.IsNullOrEmpty(model)) args.AddRange(new[] { "--model", model });
            return string.Join(" ", args);
        }

        private static string Quote(string s) => "\"" + s.Replace("\"", "\\\"") + "\"";

        public MocapCli(string tool, string arguments)
        {
            if (!File.Exists(tool))
                throw new FileNotFoundException("mocap tool not found: " + tool + " (set it in Tools > Video to Animation...)");
            _process = new Process
            {
                StartInfo = new ProcessStartInfo(tool, arguments)
                {
                    UseShellExecute = false,
                    CreateNoWindow = true,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                },
                EnableRaisingEvents = true,
            };
            _process.ErrorDataReceived += (_, e) => OnError(e.Data);
            _process.OutputDataReceived += (_, e) => { }; // the report is not needed, but the pipe must be drained
            _process.Start();
            _process.BeginErrorReadLine();
            _process.BeginOutputReadLine();
        }

        private void OnError(string line)
        {
            if (line == null) return;
            Match m = ProgressLine.Match(line);
            lock (_lock)
            {
                if (m.Success)
                {
                    _done = int.Parse(m.Groups[1].Value);
                    _total = int.Parse(m.Groups[2].Value);
                }
                else if (line.Trim().Length > 0 && !line.StartsWith("mocap: warning: "))
                {
                    _errors.Add(line);
                }
            }
        }

        public bool Finished => _process.HasExited;
        public int ExitCode => _process.ExitCode;

        /// <summary>Share of the video's frames analysed, 0..1.</summary>
        public float Fraction
        {
            get { lock (_lock) return _total > 0 ? System.Math.Min(1f, (float)_done / _total) : 0f; }
        }

        public string Status
        {
            get
            {
                lock (_lock)
                    return _total == 0 ? "starting..." : _done >= _total ? "recovering the motion..." : $"frame {_done}/{_total}";
            }
        }

        /// <summary>The tool's error line (`mocap: error: ...`), else the exit status.</summary>
        public string ErrorLine
        {
            get
            {
                _process.WaitForExit(); // drains the asynchronous readers
                lock (_lock)
                {
                    string line = _errors.FindLast(l => l.StartsWith("mocap")) ?? (_errors.Count > 0 ? _errors[_errors.Count - 1] : null);
                    return line ?? "mocap exited with status " + _process.ExitCode;
                }
            }
        }

        public void Cancel()
        {
            if (!_process.HasExited) _process.Kill();
        }
    }
}
