package dev.mocap.nn.tflite;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A subgraph: its tensors, the indices of its input and output tensors, and its operators in run order. */
public record TfliteSubgraph(String name, List<TfliteTensor> tensors, int[] inputs, int[] outputs,
                             List<TfliteOperator> operators) {

    /**
     * The same graph with only the named outputs and the operators they depend on (a runtime
     * computes every node of a graph, needed or not).
     */
    public TfliteSubgraph prunedTo(Collection<String> outputNames) {
        int[] kept = Arrays.stream(outputs).filter(t -> outputNames.contains(tensors.get(t).name())).toArray();
        if (kept.length != outputNames.size()) {
            throw new IllegalArgumentException("graph has no output named in " + outputNames);
        }
        Map<Integer, TfliteOperator> producers = new HashMap<>();
        for (TfliteOperator op : operators) {
            for (int out : op.outputs()) {
                producers.put(out, op);
            }
        }
        Set<TfliteOperator> needed = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Integer> pending = new ArrayDeque<>();
        Arrays.stream(kept).forEach(pending::push);
        while (!pending.isEmpty()) {
            TfliteOperator op = producers.get(pending.pop());
            if (op != null && needed.add(op)) {
                Arrays.stream(op.inputs()).filter(t -> t >= 0).forEach(pending::push);
            }
        }
        List<TfliteOperator> ops = operators.stream().filter(needed::contains).toList();
        return new TfliteSubgraph(name, tensors, inputs, kept, ops);
    }
}
