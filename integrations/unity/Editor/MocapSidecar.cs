using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace Mocap.VideoToAnimation
{
    /// <summary>
    /// The fields of the sidecar NAME.mocap.json (schema mocap.convert/1) that the importer uses:
    /// the frame rate and frame count of the first segment, root motion, and which SMPL-24 joint
    /// each bone of the file stands for.
    /// </summary>
    public sealed class MocapSidecar
    {
        public const string Schema = "mocap.convert/1";

        public float Fps { get; private set; }
        public int Frames { get; private set; }
        /// <summary>"world" (the pelvis travels) or "in-place".</summary>
        public string RootMotion { get; private set; }
        /// <summary>Bone name in the file -> SMPL-24 joint name (pelvis, left_hip, ...).</summary>
        public Dictionary<string, string> SmplJointOfBone { get; private set; }
        /// <summary>The file's bones in hierarchy order (parents first).</summary>
        public List<string> Bones { get; private set; }

        /// <summary>The sidecar next to a model file (Assets/x/walk.fbx -> Assets/x/walk.mocap.json), or null.</summary>
        public static string PathFor(string modelPath)
        {
            string dir = Path.GetDirectoryName(modelPath) ?? "";
            string sidecar = Path.Combine(dir, Path.GetFileNameWithoutExtension(modelPath) + ".mocap.json").Replace('\\', '/');
            return File.Exists(sidecar) ? sidecar : null;
        }

        public static MocapSidecar Read(string path)
        {
            JObject root = JObject.Parse(File.ReadAllText(path));
            if ((string)root["schema"] != Schema)
                throw new InvalidDataException(path + " is not a " + Schema + " sidecar");
            JObject target = (JObject)root["target"];
            JObject segment = (JObject)((JArray)root["segments"]).First;
            return new MocapSidecar
            {
                Fps = segment == null ? 0 : (float)segment["fps"],
                Frames = segment == null ? 0 : (int)segment["frames"],
                RootMotion = (string)target["root_motion"],
                SmplJointOfBone = ((JObject)target["smpl_joint_of_bone"]).Properties()
                    .ToDictionary(p => p.Name, p => (string)p.Value),
                Bones = ((JArray)target["bones"]).Select(b => (string)b).ToList(),
            };
        }
    }
}
