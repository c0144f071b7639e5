using System.IO;
using UnityEditor;
using UnityEngine;

namespace Mocap.VideoToAnimation
{
    /// <summary>
    /// Sets up the FBX files that mocap wrote (recognised by the NAME.mocap.json next to them) as
    /// Humanoid animation: avatar created from the file with the bone mapping from the sidecar,
    /// import scale 1 (the FBX declares centimetres), no looping, height kept from the file
    /// (the floor is at 0), horizontal root motion kept unless the sidecar says "in-place".
    /// </summary>
    public sealed class MocapModelPostprocessor : AssetPostprocessor
    {
        public override int GetPostprocessOrder() => 10;

        private MocapSidecar OurSidecar()
        {
            if (!assetPath.EndsWith(".fbx", System.StringComparison.OrdinalIgnoreCase)) return null;
            string path = MocapSidecar.PathFor(assetPath);
            if (path == null) return null;
            try
            {
                return MocapSidecar.Read(path);
            }
            catch (System.Exception e) when (e is IOException || e is Newtonsoft.Json.JsonException
                                             || e is System.InvalidCastException || e is System.NullReferenceException)
            {
                Debug.LogWarning("mocap: " + path + " is not a readable mocap sidecar (" + e.Message + "); " + assetPath
                                 + " is imported with the project's default settings");
                return null;
            }
        }

        private void OnPreprocessModel()
        {
            MocapSidecar sidecar = OurSidecar();
            if (sidecar == null) return;
            var importer = (ModelImporter)assetImporter;
            importer.globalScale = 1f;
            importer.useFileScale = true;
            importer.animationType = ModelImporterAnimationType.Human;
            importer.avatarSetup = ModelImporterAvatarSetup.CreateFromThisModel;
            importer.humanDescription = HumanoidMapping.Description(sidecar, importer.humanDescription);
            string missing = HumanoidMapping.MissingRequiredBones(importer.humanDescription.human);
            if (missing.Length > 0)
                Debug.LogWarning("mocap: " + assetPath + ": no bone for the required Humanoid bones " + missing);
            importer.importAnimation = true;
            importer.resampleCurves = false; // every frame is keyed already
        }

        private void OnPreprocessAnimation()
        {
            MocapSidecar sidecar = OurSidecar();
            if (sidecar == null) return;
            var importer = (ModelImporter)assetImporter;
            bool inPlace = sidecar.RootMotion == "in-place";
            ModelImporterClipAnimation[] clips = importer.defaultClipAnimations;
            foreach (ModelImporterClipAnimation clip in clips)
            {
                clip.name = Path.GetFileNameWithoutExtension(assetPath);
                clip.loopTime = false;
                clip.lockRootRotation = false;       // turning comes from root motion
                clip.keepOriginalOrientation = false; // ... based on the body's orientation
                clip.lockRootHeightY = true;          // height baked into the pose
                clip.keepOriginalPositionY = true;    // ... from the file, whose floor is at 0
                clip.lockRootPositionXZ = inPlace;    // travel is root motion unless the file is in place
                clip.keepOriginalPositionXZ = false;
            }
            importer.clipAnimations = clips;
        }
    }
}
