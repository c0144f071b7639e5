package dev.mocap.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class FrameBuffersTest {
    @Test
    void anArrayHandedBackIsTakenAgain() {
        FrameBuffers buffers = new FrameBuffers(6);
        byte[] first = buffers.take();
        assertEquals(6, first.length);
        buffers.giveBack(first);
        assertSame(first, buffers.take());
    }

    @Test
    void anArrayHandedBackTwiceGoesToOneLaterFrameOnly() {
        FrameBuffers buffers = new FrameBuffers(6);
        byte[] first = buffers.take();
        buffers.giveBack(first);
        buffers.giveBack(first);
        assertSame(first, buffers.take());
        assertNotSame(first, buffers.take());
    }

    @Test
    void anArrayOfAnotherSizeIsNotKept() {
        FrameBuffers buffers = new FrameBuffers(6);
        byte[] other = new byte[9];
        buffers.giveBack(other);
        assertEquals(6, buffers.take().length);
    }
}
