using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using UnityEngine;

namespace Mocap.VideoToAnimation
{
    /// <summary>
    /// The Humanoid avatar mapping of one of our files: each bone's SMPL-24 joint (from the sidecar)
    /// translated to a Unity Humanoid bone by smpl-to-humanoid.json, which ships in this package.
    /// </summary>
    public static class HumanoidMapping
    {
        public const string PackageName = "dev.mocap.video-to-animation";
        private static Dictionary<string, string> _smplToHumanoid;

        /// <summary>SMPL-24 joint name -> Unity Humanoid bone name (HumanTrait.BoneName).</summary>
        public static Dictionary<string, string> SmplToHumanoid
        {
            get
            {
                if (_smplToHumanoid == null)
                {
                    string path = Path.GetFullPath("Packages/" + PackageName + "/Editor/smpl-to-humanoid.json");
                    _smplToHumanoid = JObject.Parse(File.ReadAllText(path)).Properties()
                        .ToDictionary(p => p.Name, p => (string)p.Value);
                }
                return _smplToHumanoid;
            }
        }

        /// <summary>
        /// Human bones for the avatar. Where several bones stand for one joint (a long spine), the one
        /// nearest the root is taken, since the sidecar lists bones parents first.
        /// </summary>
        public static HumanBone[] HumanBones(MocapSidecar sidecar)
        {
            var used = new HashSet<string>();
            var bones = new List<HumanBone>();
            foreach (string bone in sidecar.Bones)
            {
                if (!sidecar.SmplJointOfBone.TryGetValue(bone, out string joint)) continue;
                if (!SmplToHumanoid.TryGetValue(joint, out string human) || !used.Add(human)) continue;
                var humanBone = new HumanBone { boneName = bone, humanName = human };
                humanBone.limit.useDefaultValues = true;
                bones.Add(humanBone);
            }
            return bones.ToArray();
        }

        /// <summary>Unity's required Humanoid bones that the mapping leaves out, comma-separated ("" when complete).</summary>
        public static string MissingRequiredBones(HumanBone[] bones)
        {
            var mapped = new HashSet<string>(bones.Select(b => b.humanName));
            return string.Join(", ", Enumerable.Range(0, HumanTrait.BoneCount)
                .Where(i => HumanTrait.RequiredBone(i) && !mapped.Contains(HumanTrait.BoneName[i]))
                .Select(i => HumanTrait.BoneName[i]));
        }

        /// <summary>
        /// Our bone mapping with Unity's default muscle settings, keeping the skeleton (rest pose) the
        /// importer already has; our files are in T-pose, which is what the avatar expects.
        /// </summary>
        public static HumanDescription Description(MocapSidecar sidecar, HumanDescription existing)
        {
            return new HumanDescription
            {
                human = HumanBones(sidecar),
                skeleton = existing.skeleton ?? new SkeletonBone[0],
                upperArmTwist = 0.5f,
                lowerArmTwist = 0.5f,
                upperLegTwist = 0.5f,
                lowerLegTwist = 0.5f,
                armStretch = 0.05f,
                legStretch = 0.05f,
                feetSpacing = 0f,
                hasTranslationDoF = false,
            };
        }
    }
}
