package dev.mocap.filter;

import dev.mocap.body.Motion;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The figures against the image, on a body standing still in the rest pose filmed from 4 m. */
class ImageEvidenceTest {
    @Test
    void aBodyThatMatchesItsImageHasNothingToReport() {
        Motion standing = StandingClip.standing(0, 0, true);
        ImageEvidence e = ImageEvidence.of(standing, 0, new boolean[StandingClip.FRAMES], StandingClip.filmed(standing), StandingClip.CAMERA);
        assertEquals(0, e.footSlidingMmPerFrame(), 1e-9);
        assertEquals(1, e.stillFootFraction(), 1e-9);
        assertEquals(0, e.stillFootHeightMm(), 1e-6);
        e.reprojectionPx().values().forEach(px -> assertEquals(0, px, 1e-3));
        assertEquals(List.of(), e.warnings());
    }

    /** The image shows still feet; the animation drifts 5 mm a frame 20 cm above the floor and calls no foot planted. */
    @Test
    void feetStillInTheImageButMovingInTheAnimationSlide() {
        Motion seen = StandingClip.standing(0, 0, true);
        Motion drifting = StandingClip.standing(0.005, 0.2, false);
        ImageEvidence e = ImageEvidence.of(drifting, 0, new boolean[StandingClip.FRAMES], StandingClip.filmed(seen), StandingClip.CAMERA);
        assertEquals(5, e.footSlidingMmPerFrame(), 1e-9);
        assertEquals(1, e.stillFootFraction(), 1e-9);
        assertEquals(200, e.stillFootHeightMm(), 1e-6);
        assertTrue(e.reprojectionPx().get("left_leg") > 10, e.reprojectionPx().toString());
        assertEquals(2, e.warnings().size(), e.warnings().toString());
        assertTrue(e.warnings().get(0).contains("200 mm above the floor"), e.warnings().get(0));
        assertTrue(e.warnings().get(1).contains("planted in only 0 %"), e.warnings().get(1));
    }

    @Test
    void filledInFramesAreNotJudged() {
        Motion standing = StandingClip.standing(0.005, 0, true);
        boolean[] filled = new boolean[StandingClip.FRAMES];
        Arrays.fill(filled, true);
        ImageEvidence e = ImageEvidence.of(standing, 0, filled, StandingClip.filmed(standing), StandingClip.CAMERA);
        assertEquals(0, e.stillFootFraction());
        assertTrue(Double.isNaN(e.reprojectionPx().get("left_arm")));
    }
}
