package dev.mocap.format.fbx;

import dev.mocap.format.fbx.binary.FbxNode;
import dev.mocap.format.fbx.binary.FbxVersion;

import java.time.LocalDateTime;

/** The records around the scene's objects: header extension, global settings, documents, takes. */
final class SceneHeader {
    static final String CREATOR = "mocap (dev.mocap) FBX exporter";
    /** Axis indices in GlobalSettings: 0 = X, 1 = Y, 2 = Z. */
    private static final int X = 0, Y = 1, Z = 2;

    /** Without it (or its FBXVersion) the SDK loads an empty scene and Blender refuses the file. */
    static FbxNode headerExtension(FbxVersion version, LocalDateTime created) {
        FbxNode header = new FbxNode("FBXHeaderExtension");
        header.child("FBXHeaderVersion", 1003);
        header.child("FBXVersion", version.number());
        header.child("EncryptionType", 0);
        FbxNode stamp = header.child("CreationTimeStamp");
        stamp.child("Version", 1000);
        stamp.child("Year", created.getYear());
        stamp.child("Month", created.getMonthValue());
        stamp.child("Day", created.getDayOfMonth());
        stamp.child("Hour", created.getHour());
        stamp.child("Minute", created.getMinute());
        stamp.child("Second", created.getSecond());
        stamp.child("Millisecond", created.getNano() / 1_000_000);
        header.child("Creator", CREATOR);
        return header;
    }

    /**
     * Y up, front +Z, X the third axis (right-handed, as the motion is), the length unit, and the
     * frame rate. Without the axes Blender assumes Z up and lays the subject down.
     */
    static FbxNode globalSettings(FbxUnit unit, double fps, long stop) {
        FbxNode settings = new FbxNode("GlobalSettings");
        settings.child("Version", 1000);
        settings.add(new Properties70()
                .integer("UpAxis", Y).integer("UpAxisSign", 1)
                .integer("FrontAxis", Z).integer("FrontAxisSign", 1)
                .integer("CoordAxis", X).integer("CoordAxisSign", 1)
                .integer("OriginalUpAxis", Y).integer("OriginalUpAxisSign", 1)
                .number("UnitScaleFactor", unit.unitScaleFactor())
                .number("OriginalUnitScaleFactor", unit.unitScaleFactor())
                .enumeration("TimeMode", FbxTime.timeMode(fps))
                .time("TimeSpanStart", 0)
                .time("TimeSpanStop", stop)
                .number("CustomFrameRate", fps)
                .node());
        return settings;
    }

    static FbxNode documents(long documentId, String takeName) {
        FbxNode documents = new FbxNode("Documents");
        documents.child("Count", 1);
        FbxNode document = documents.child("Document", documentId, "Scene", "Scene");
        document.add(new Properties70().object("SourceObject").string("ActiveAnimStackName", takeName).node());
        document.child("RootNode", FbxScene.ROOT);
        return documents;
    }

    static FbxNode takes(String takeName, long stop) {
        FbxNode takes = new FbxNode("Takes");
        takes.child("Current", takeName);
        FbxNode take = takes.child("Take", takeName);
        take.child("FileName", takeName + ".tak");
        take.child("LocalTime", 0L, stop);
        take.child("ReferenceTime", 0L, stop);
        return takes;
    }

    private SceneHeader() {
    }
}
