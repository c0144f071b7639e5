using System.IO;
using UnityEditor;
using UnityEngine;

namespace Mocap.VideoToAnimation
{
    /// <summary>
    /// Tools > Video to Animation...: picks a video, runs mocap on it, and copies the FBX with its
    /// sidecar into the project, where <see cref="MocapModelPostprocessor"/> sets it up as Humanoid.
    /// </summary>
    public sealed class VideoToAnimationWindow : EditorWindow
    {
        private const string ToolKey = "Mocap.VideoToAnimation.Tool";
        private static readonly string[] Smoothing = { "default", "light", "strong", "none", "savgol", "one-euro" };
        private static readonly string[] Models = { "full", "lite", "heavy" };

        private string _video = "";
        private string _preset = "unity-humanoid";
        private string _folder = "Assets/Mocap";
        private int _smoothing, _model;
        private MocapCli _run;
        private string _outputBase;

        [MenuItem("Tools/Video to Animation...")]
        private static void Open() => GetWindow<VideoToAnimationWindow>("Video to Animation");

        private void OnGUI()
        {
            string tool = EditorPrefs.GetString(ToolKey, "");
            EditorGUI.BeginChangeCheck();
            using (new EditorGUILayout.HorizontalScope())
            {
                tool = EditorGUILayout.TextField("mocap launcher", tool);
                if (GUILayout.Button("...", GUILayout.Width(30)))
                    tool = EditorUtility.OpenFilePanel("The mocap launcher", "", "");
            }
            if (EditorGUI.EndChangeCheck()) EditorPrefs.SetString(ToolKey, tool);
            using (new EditorGUILayout.HorizontalScope())
            {
                _video = EditorGUILayout.TextField("Video", _video);
                if (GUILayout.Button("...", GUILayout.Width(30)))
                    _video = EditorUtility.OpenFilePanel("Video of a person", "", "mp4,mov,m4v,avi,mkv,webm");
            }
            _preset = EditorGUILayout.TextField(new GUIContent("Preset", "mocap presets lists them; a preset .json works too"), _preset);
            _smoothing = EditorGUILayout.Popup("Smoothing", _smoothing, Smoothing);
            _model = EditorGUILayout.Popup("Landmark model", _model, Models);
            _folder = EditorGUILayout.TextField("Into folder", _folder);
            using (new EditorGUI.DisabledScope(_run != null || !File.Exists(_video) || !_folder.StartsWith("Assets")))
            {
                if (GUILayout.Button("Convert")) Start(tool);
            }
        }

        private void Start(string tool)
        {
            string temp = Path.Combine(Path.GetTempPath(), "mocap-" + System.Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(temp);
            _outputBase = Path.Combine(temp, Path.GetFileNameWithoutExtension(_video));
            try
            {
                _run = new MocapCli(tool, MocapCli.ConvertArguments(_video, _outputBase, _preset, Smoothing[_smoothing], Models[_model]));
            }
            catch (System.Exception e) when (e is FileNotFoundException || e is System.ComponentModel.Win32Exception)
            {
                EditorUtility.DisplayDialog("Video to Animation", e.Message, "OK");
                return;
            }
            EditorApplication.update += Poll;
        }

        private void Poll()
        {
            string name = Path.GetFileName(_outputBase);
            if (!_run.Finished)
            {
                if (EditorUtility.DisplayCancelableProgressBar("Video to Animation", name + ": " + _run.Status, _run.Fraction))
                {
                    _run.Cancel();
                    Stop();
                }
                return;
            }
            try
            {
                if (_run.ExitCode != 0)
                    EditorUtility.DisplayDialog("Video to Animation", _run.ErrorLine, "OK");
                else
                    CopyIntoProject(name);
            }
            finally
            {
                Stop();
            }
        }

        /// <summary>The sidecar goes first, so that it is there when the FBX is imported.</summary>
        private void CopyIntoProject(string name)
        {
            Directory.CreateDirectory(_folder);
            string sidecar = _outputBase + ".mocap.json", fbx = _outputBase + ".fbx";
            if (!File.Exists(fbx))
            {
                EditorUtility.DisplayDialog("Video to Animation", "mocap wrote no FBX for " + name, "OK");
                return;
            }
            File.Copy(sidecar, Path.Combine(_folder, name + ".mocap.json"), true);
            AssetDatabase.ImportAsset(Path.Combine(_folder, name + ".mocap.json").Replace('\\', '/'));
            string target = Path.Combine(_folder, name + ".fbx").Replace('\\', '/');
            File.Copy(fbx, target, true);
            AssetDatabase.ImportAsset(target, ImportAssetOptions.ForceUpdate);
            EditorGUIUtility.PingObject(AssetDatabase.LoadMainAssetAtPath(target));
        }

        private void Stop()
        {
            EditorApplication.update -= Poll;
            EditorUtility.ClearProgressBar();
            Directory.Delete(Path.GetDirectoryName(_outputBase), true);
            _run = null;
            Repaint();
        }
    }
}
