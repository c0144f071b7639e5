package dev.mocap.preview;

import dev.mocap.pose.BlazePose;
import dev.mocap.pose.Landmarks;
import dev.mocap.pose.PeopleFrame;
import dev.mocap.pose.Roi;
import dev.mocap.pose.TrackedPose;
import dev.mocap.video.VideoFrame;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.List;
import java.util.Locale;

/**
 * Draws a frame with each tracked person's 2D skeleton on it: subject's left in orange, right in
 * blue, faint where the model thinks a joint is hidden; the landmark region as a thin rotated
 * square in a colour of the person's own, with their track id above it; time and pose score (or
 * the number of people) in the corner.
 */
public final class LandmarkOverlay {
    private static final Color LEFT = new Color(255, 140, 0), RIGHT = new Color(30, 144, 255), CENTRE = new Color(240, 240, 240);
    private static final float HIDDEN_VISIBILITY = 0.5f;
    /** Hues of the track ids' colours, taken in turn. */
    private static final float[] ID_HUES = {0.33f, 0.83f, 0.5f, 0.16f, 0f, 0.66f, 0.08f, 0.92f};

    public static BufferedImage draw(VideoFrame frame, PeopleFrame people) {
        BufferedImage image = toImage(frame);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        float unit = Math.max(1.5f, Math.max(frame.width(), frame.height()) / 400f);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(7 * unit)));
        for (TrackedPose p : people.people()) {
            Color colour = idColour(p.person());
            drawRoi(g, p.landmarks().roi(), colour, unit);
            drawSkeleton(g, p.landmarks(), unit);
            Roi roi = p.landmarks().roi();
            float x = (float) Math.max(0, Math.min(frame.width() - 12 * unit, roi.frameX(0.5, 0) - 4 * unit));
            float y = (float) Math.max(8 * unit, Math.min(frame.height() - unit, roi.frameY(0.5, 0)));
            drawText(g, "#" + p.person(), x, y, colour);
        }
        drawText(g, label(people), 5 * unit, 12 * unit, Color.WHITE);
        g.dispose();
        return image;
    }

    static Color idColour(int person) {
        return Color.getHSBColor(ID_HUES[Math.floorMod(person - 1, ID_HUES.length)], 0.8f, 1f);
    }

    private static void drawSkeleton(Graphics2D g, Landmarks l, float unit) {
        g.setStroke(new BasicStroke(1.5f * unit, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int[] c : BlazePose.CONNECTIONS) {
            Color side = BlazePose.isLeft(c[0]) && BlazePose.isLeft(c[1]) ? LEFT
                    : BlazePose.isRight(c[0]) && BlazePose.isRight(c[1]) ? RIGHT : CENTRE;
            g.setColor(shade(side, Math.min(l.visibility()[c[0]], l.visibility()[c[1]])));
            g.draw(new Line2D.Double(l.imageX(c[0]), l.imageY(c[0]), l.imageX(c[1]), l.imageY(c[1])));
        }
        double r = 2.2 * unit;
        for (int i = 0; i < BlazePose.COUNT; i++) {
            g.setColor(shade(BlazePose.isLeft(i) ? LEFT : BlazePose.isRight(i) ? RIGHT : CENTRE, l.visibility()[i]));
            g.fill(new Ellipse2D.Double(l.imageX(i) - r, l.imageY(i) - r, 2 * r, 2 * r));
        }
    }

    private static Color shade(Color c, float visibility) {
        return visibility >= HIDDEN_VISIBILITY ? c : new Color(c.getRed(), c.getGreen(), c.getBlue(), 90);
    }

    private static void drawRoi(Graphics2D g, Roi roi, Color colour, float unit) {
        Path2D square = new Path2D.Double();
        double[][] corners = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
        for (int i = 0; i < corners.length; i++) {
            double x = roi.frameX(corners[i][0], corners[i][1]), y = roi.frameY(corners[i][0], corners[i][1]);
            if (i == 0) {
                square.moveTo(x, y);
            } else {
                square.lineTo(x, y);
            }
        }
        square.closePath();
        g.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 160));
        g.setStroke(new BasicStroke(0.8f * unit));
        g.draw(square);
    }

    private static String label(PeopleFrame people) {
        List<TrackedPose> p = people.people();
        String who = p.isEmpty() ? "no person"
                : p.size() == 1 ? String.format(Locale.ROOT, "score %.2f", p.get(0).landmarks().score())
                : p.size() + " people";
        return String.format(Locale.ROOT, "#%d  %.2f s  %s", people.index(), people.timestamp(), who);
    }

    private static void drawText(Graphics2D g, String text, float x, float y, Color colour) {
        g.setColor(Color.BLACK);
        g.drawString(text, x + 1, y + 1);
        g.setColor(colour);
        g.drawString(text, x, y);
    }

    /** Copies the RGB frame into a Java image (which stores its bytes as BGR). */
    static BufferedImage toImage(VideoFrame frame) {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        byte[] rgb = frame.rgb();
        for (int i = 0; i < rgb.length; i += 3) {
            bgr[i] = rgb[i + 2];
            bgr[i + 1] = rgb[i + 1];
            bgr[i + 2] = rgb[i];
        }
        return image;
    }

    private LandmarkOverlay() {
    }
}
